package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Set a new password with a reset link's token; every session of the user ends. The new password is hashed by
 * the aggregate only after the token was accepted, so a wrong token costs no Argon2id work.
 */
public record ResetPassword(@TargetAggregateIdentifier String userId, String tokenHash, String newPassword,
                            String ipAddress, Instant at) {

    /** Never print the password (OWASP ASVS 5.0 V16.2.5: no credentials in logs). */
    @Override
    public String toString() {
        return "ResetPassword[userId=" + userId + "]";
    }
}
