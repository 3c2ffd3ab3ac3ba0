package dev.watchword.command.ratelimit;

/** PostgreSQL did not answer a rate limit check and {@code watchword.rate-limits.on-store-failure} is {@code refuse}. */
public class RateLimitStoreUnavailable extends RuntimeException {

    RateLimitStoreUnavailable(Throwable cause) {
        super("The rate limit store did not answer", cause);
    }
}
