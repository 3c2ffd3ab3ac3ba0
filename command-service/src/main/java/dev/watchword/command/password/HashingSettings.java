package dev.watchword.command.password;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bulkhead around Argon2id (hashing and checking passwords), which costs tens of milliseconds of a core
 * and 19 MiB of memory each time: more at once than the cores can serve only makes every answer slower and
 * the heap fuller (OWASP ASVS 5.0 V2.4.1: no overuse of costly resources).
 *
 * @param concurrency how many hashes or checks may run at once ({@code WATCHWORD_HASHING_CONCURRENCY}); the
 *                    default, 0, means twice the available processors
 * @param maxWait     how long a request waits for its turn before it gets 503 {@code SERVER_BUSY} with
 *                    {@code Retry-After} ({@code WATCHWORD_HASHING_MAX_WAIT}); the default is 1 second
 */
@Validated
@ConfigurationProperties("watchword.hashing")
public record HashingSettings(
        @DefaultValue("0") @Min(0) int concurrency,
        @NotNull @DefaultValue("1s") Duration maxWait) {

    /** The number of permits: {@link #concurrency()}, or twice the available processors when that is 0. */
    public int permits() {
        return concurrency > 0 ? concurrency : 2 * Runtime.getRuntime().availableProcessors();
    }
}
