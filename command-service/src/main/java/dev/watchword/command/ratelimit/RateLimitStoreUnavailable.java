package dev.watchword.command.ratelimit;

/** PostgreSQL did not answer a rate limit check and {@code watchword.rate-limits.fail-open} is {@code false}. */
public class RateLimitStoreUnavailable extends RuntimeException {

    RateLimitStoreUnavailable(Throwable cause) {
        super("The rate limit store did not answer", cause);
    }
}
