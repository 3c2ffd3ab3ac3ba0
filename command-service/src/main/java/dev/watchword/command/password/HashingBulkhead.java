package dev.watchword.command.password;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@link HashingSettings#permits()} Argon2id computations at once; a caller waits at most
 * {@link HashingSettings#maxWait()} for a turn, then gets {@link ServerBusy}. Fair, so that a burst is served in
 * order of arrival. The wait parks a virtual thread, not a core.
 */
public final class HashingBulkhead {

    private final Semaphore permits;
    private final Duration maxWait;

    public HashingBulkhead(HashingSettings settings) {
        this(settings.permits(), settings.maxWait());
    }

    HashingBulkhead(int permits, Duration maxWait) {
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    public <T> T run(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerBusy(maxWait);
        }
        if (!acquired) {
            throw new ServerBusy(maxWait);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
