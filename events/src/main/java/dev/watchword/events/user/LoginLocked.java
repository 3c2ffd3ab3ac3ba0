package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import java.time.Instant;

/**
 * Password logins of this account from {@code ipAddress} are refused until {@code lockedUntil} after
 * {@code consecutiveFailures} failures in a row from there. Keyed by address so that an attacker failing
 * from one address cannot lock the owner out from another (OWASP ASVS 5.0 V6.1.1, NIST SP 800-63B-4
 * section 3.2.2). The owner is told by email.
 */
public record LoginLocked(
        String userId,
        @Personal String email,
        @Personal String ipAddress,
        int consecutiveFailures,
        Instant lockedAt,
        Instant lockedUntil)
        implements UserEvent {}
