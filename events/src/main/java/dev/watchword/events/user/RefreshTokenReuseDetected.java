package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import java.time.Instant;

/**
 * A refresh token that had already been rotated was presented after the grace window: it was stolen, or its
 * owner's copy was. The whole session is revoked with it (RFC 9700 section 4.14.2, OWASP ASVS 5.0 V10.4.5).
 */
public record RefreshTokenReuseDetected(
        String userId,
        String sessionId,
        @Personal String ipAddress,
        @Personal String userAgent,
        Instant detectedAt) implements UserEvent {}
