package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The logged-in user replaces the password, proving the current one (OWASP ASVS 5.0 V6.2.3).
 *
 * @param sessionId         the caller's session ({@code sid} of the access token); it must be live
 * @param endOtherSessions  whether every other session ends too
 */
public record ChangePassword(@TargetAggregateIdentifier String userId, String sessionId, String currentPassword,
                             String newPasswordHash, boolean endOtherSessions, String ipAddress, Instant at) {

    @Override
    public String toString() {
        return "ChangePassword[userId=" + userId + ", sessionId=" + sessionId + "]";
    }
}
