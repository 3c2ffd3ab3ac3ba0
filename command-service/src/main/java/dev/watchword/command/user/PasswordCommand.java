package dev.watchword.command.user;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands that reset or change a password; their rules are in {@link Password}. */
public sealed interface PasswordCommand {

    /** @param requestedBy the admin who triggered it, or {@code null} when the user asked */
    record RequestPasswordReset(
            @TargetAggregateIdentifier String userId,
            OneTimeSecret link,
            String ipAddress,
            String requestedBy,
            Instant at)
            implements PasswordCommand {}

    /**
     * Set a new password with a reset link's token; every session of the user ends. The new password is hashed by
     * the aggregate only after the token was accepted, so a wrong token costs no Argon2id work.
     */
    record ResetPassword(
            @TargetAggregateIdentifier String userId,
            String tokenHash,
            String newPassword,
            String ipAddress,
            Instant at)
            implements PasswordCommand {

        /** Never print the password (OWASP ASVS 5.0 V16.2.5: no credentials in logs). */
        @Override
        public String toString() {
            return "ResetPassword[userId=" + userId + "]";
        }
    }

    /**
     * The logged-in user replaces the password, proving the current one (OWASP ASVS 5.0 V6.2.3). The new password
     * travels in clear to the aggregate, which hashes it only once the current one matched: a wrong guess costs one
     * Argon2id check, not two. Commands are never stored or published.
     *
     * @param sessionId         the caller's session ({@code sid} of the access token); it must be live
     * @param endOtherSessions  whether every other session ends too
     */
    record ChangePassword(
            @TargetAggregateIdentifier String userId,
            String sessionId,
            String currentPassword,
            String newPassword,
            boolean endOtherSessions,
            String ipAddress,
            String userAgent,
            Instant at)
            implements PasswordCommand {

        @Override
        public String toString() {
            return "ChangePassword[userId=" + userId + ", sessionId=" + sessionId + "]";
        }
    }
}
