package dev.watchword.command.user;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The command of password login; its rules (backoff and lockout included) are in {@link PasswordLogin}. */
public sealed interface PasswordLoginCommand {

    /**
     * Check a password and, if it matches, start a session. The password is checked inside the aggregate so
     * that the check and the recorded outcome (success or {@code LoginFailed}) are one atomic step.
     */
    record Login(
            @TargetAggregateIdentifier String userId,
            String password,
            String sessionId,
            String refreshTokenHash,
            String ipAddress,
            String userAgent,
            Instant at)
            implements PasswordLoginCommand {

        /** Never print the password (OWASP ASVS 5.0 V16.2.5: no credentials in logs). */
        @Override
        public String toString() {
            return "Login[userId=" + userId + ", sessionId=" + sessionId + "]";
        }
    }
}
