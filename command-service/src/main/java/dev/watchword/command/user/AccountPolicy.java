package dev.watchword.command.user;

import java.time.Duration;

/**
 * The rules of sessions and login throttling that the aggregate applies; a bean built from configuration
 * ({@code watchword.tokens}, {@code watchword.sessions}, {@code watchword.lockout}).
 *
 * @param accessTokenLifetime  lifetime of access tokens: how long verifiers must remember a revoked session
 * @param refreshTokenLifetime absolute lifetime of a session
 * @param refreshGrace         how long the token a refresh replaced still yields the same successor, so two
 *                             tabs refreshing at once do not look like a stolen token
 * @param idleTimeout          a session unused for this long ends (OWASP ASVS 5.0 V7.3.1)
 * @param lockoutThreshold     consecutive password failures from one address before that address waits
 * @param lockoutDelay         the first wait; it doubles with every further failure
 * @param lockoutMaxDelay      the longest wait
 * @param hardLockoutThreshold consecutive failures from anywhere after which password login stays blocked
 *                             until a reset or a passwordless login (NIST SP 800-63B-4 section 3.2.2: at
 *                             most 100)
 */
public record AccountPolicy(
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Duration refreshGrace,
        Duration idleTimeout,
        int lockoutThreshold,
        Duration lockoutDelay,
        Duration lockoutMaxDelay,
        int hardLockoutThreshold) {

    Duration lockoutFor(int consecutiveFailures) {
        int doublings = Math.min(consecutiveFailures - lockoutThreshold, 20);
        Duration delay = lockoutDelay.multipliedBy(1L << Math.max(doublings, 0));
        return delay.compareTo(lockoutMaxDelay) > 0 ? lockoutMaxDelay : delay;
    }
}
