package dev.watchword.command.password;

import dev.watchword.command.timing.ResponseTiming;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * At most {@link HashingSettings#permits()} Argon2id computations at once, with a bounded queue in front: a caller
 * finding {@link HashingSettings#waiters()} others already waiting gets {@link ServerBusy} at once, and one that waited
 * {@link HashingSettings#maxWait()} without a turn gets it then. Fair, so that a burst is served in order of arrival
 * and every waiter waits about as long (a flat tail), and so that a surge beyond what the cores can serve is refused
 * quickly instead of piling up ever longer waits (OWASP ASVS 5.0 V2.4.1). The wait parks a virtual thread, not a core.
 * <p>
 * A turn may span more than the hash: {@link #run} inside a turn the same thread already holds runs at once. Login
 * takes its turn before it sends its command, so that the database connection, the aggregate's lock and the
 * transaction that the command holds around its hash are held only by requests that are hashing, never by one still
 * queueing for a turn (which had emptied the connection pool and queued every other request behind it). The time a
 * caller spends queueing is told to {@link ResponseTiming}, as it is the same for every path of a request.
 */
public final class HashingBulkhead {

    private final Semaphore permits;
    private final int queue;
    private final Duration maxWait;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ThreadLocal<Boolean> inTurn = new ThreadLocal<>();

    public HashingBulkhead(HashingSettings settings) {
        this(settings.permits(), settings.waiters(), settings.maxWait());
    }

    HashingBulkhead(int permits, int queue, Duration maxWait) {
        this.permits = new Semaphore(permits, true);
        this.queue = queue;
        this.maxWait = maxWait;
    }

    /** Runs {@code work} in a turn: the thread's own if it holds one, else a new one, waited for. */
    public <T> T run(Supplier<T> work) {
        if (Boolean.TRUE.equals(inTurn.get())) {
            return work.get();
        }
        acquire();
        inTurn.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            inTurn.remove();
            permits.release();
        }
    }

    /** How many callers wait for a turn now. */
    int waiting() {
        return waiting.get();
    }

    private void acquire() {
        // tryAcquire with a timeout, even of zero, keeps the order of the fair queue (the untimed one would barge).
        if (acquireWithin(0)) {
            return;
        }
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            throw new ServerBusy(maxWait);
        }
        long started = System.nanoTime();
        boolean acquired;
        try {
            acquired = acquireWithin(maxWait.toNanos());
        } finally {
            waiting.decrementAndGet();
            ResponseTiming.queued(System.nanoTime() - started);
        }
        if (!acquired) {
            throw new ServerBusy(maxWait);
        }
    }

    private boolean acquireWithin(long nanos) {
        try {
            return permits.tryAcquire(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerBusy(maxWait);
        }
    }
}
