package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import java.time.Instant;

/**
 * A password check failed for an existing account. Recorded for lockout and audit (ZITADEL's
 * {@code HumanPasswordCheckFailed}); the caller only ever sees one generic 401.
 */
public record LoginFailed(
        String userId,
        LoginFailureReason reason,
        @Personal String ipAddress,
        @Personal String userAgent,
        Instant failedAt)
        implements UserEvent {}
