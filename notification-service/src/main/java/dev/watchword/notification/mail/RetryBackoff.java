package dev.watchword.notification.mail;

import java.time.Duration;

/**
 * Exponential back-off for failed sends: {@code initial}, then doubling, never longer than {@code max}. It has
 * no last attempt on purpose: an email that cannot be sent stays pending and visible, it is never dropped.
 */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial back-off must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max back-off " + max + " is shorter than initial " + initial);
        }
    }

    /** @param failedAttempts how many attempts have failed so far, at least 1 */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, got " + failedAttempts);
        }
        // Past 62 doublings a long overflows; far earlier than that the cap applies anyway.
        int doublings = Math.min(failedAttempts - 1, 62);
        if (initial.toNanos() > max.toNanos() >> doublings) {
            return max;
        }
        Duration delay = initial.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
