package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The logged-in user replaces the password, proving the current one (OWASP ASVS 5.0 V6.2.3). The new password
 * travels in clear to the aggregate, which hashes it only once the current one matched: a wrong guess costs one
 * Argon2id check, not two. Commands are never stored or published.
 *
 * @param sessionId         the caller's session ({@code sid} of the access token); it must be live
 * @param endOtherSessions  whether every other session ends too
 */
public record ChangePassword(@TargetAggregateIdentifier String userId, String sessionId, String currentPassword,
                             String newPassword, boolean endOtherSessions, String ipAddress, String userAgent,
                             Instant at) {

    @Override
    public String toString() {
        return "ChangePassword[userId=" + userId + ", sessionId=" + sessionId + "]";
    }
}
