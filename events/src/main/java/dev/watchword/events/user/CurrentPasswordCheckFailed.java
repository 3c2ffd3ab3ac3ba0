package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import java.time.Instant;

/**
 * A signed-in caller gave a wrong current password when asking for a {@code change} (ZITADEL's
 * {@code HumanPasswordCheckFailed}): whoever holds a stolen access token may guess the password there. Counted
 * like a failed login, for lockout and audit (OWASP ASVS 5.0 V6.3.1): toward the address's backoff and the
 * account's hard lockout, and per session, which ends once {@code attempt} reaches the lockout threshold.
 *
 * @param reason  {@code WRONG_PASSWORD}, or {@code LOCKED} when the caller's address was waiting out a lockout
 *                and the password was not even checked
 * @param attempt wrong current passwords in this session so far, counting from 1
 */
public record CurrentPasswordCheckFailed(
        String userId,
        String sessionId,
        CredentialChange change,
        LoginFailureReason reason,
        int attempt,
        @Personal String ipAddress,
        @Personal String userAgent,
        Instant failedAt)
        implements UserEvent {}
