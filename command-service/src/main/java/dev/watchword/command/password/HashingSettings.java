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
 *                    default, 0, means one per available processor (a hash keeps one core busy from start to end,
 *                    so a second one per core only halves the speed of both and doubles the memory in use)
 * @param queue       how many requests may wait for a turn; one more is answered 503 {@code SERVER_BUSY} at once
 *                    ({@code WATCHWORD_HASHING_QUEUE}); the default, 0, means 32 per available processor, about a
 *                    second of hashing: 64 on two cores, which serve some 40 to 50 hashes a second
 * @param maxWait     how long a request waits for its turn before it gets 503 {@code SERVER_BUSY} with
 *                    {@code Retry-After} ({@code WATCHWORD_HASHING_MAX_WAIT}); the default is 2 seconds
 */
@Validated
@ConfigurationProperties("watchword.hashing")
public record HashingSettings(
        @DefaultValue("0") @Min(0) int concurrency,
        @DefaultValue("0") @Min(0) int queue,
        @NotNull @DefaultValue("2s") Duration maxWait) {

    /** The number of permits: {@link #concurrency()}, or one per available processor when that is 0. */
    public int permits() {
        return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
    }

    /** The most requests that wait for a turn: {@link #queue()}, or 32 per available processor when that is 0. */
    public int waiters() {
        return queue > 0 ? queue : 32 * Runtime.getRuntime().availableProcessors();
    }
}
