package dev.watchword.command.ratelimit;

import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes the rows of buckets that have refilled, so that the table holds only clients seen in the last few
 * minutes. Each instance runs it; {@code FOR UPDATE SKIP LOCKED} keeps them from getting in each other's way.
 */
class ExpiredBucketCleaner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExpiredBucketCleaner.class);
    private static final int BATCH = 1000;
    private static final long EVERY_SECONDS = 60;

    private final ExpiredEntriesCleaner buckets;
    private ScheduledExecutorService scheduler;

    ExpiredBucketCleaner(ExpiredEntriesCleaner buckets) {
        this.buckets = buckets;
    }

    void removeExpired() {
        try {
            while (buckets.removeExpired(BATCH) == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("Could not remove expired rate limit buckets: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("rate-limit-cleaner").factory());
        scheduler.scheduleWithFixedDelay(this::removeExpired, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
