package dev.watchword.command.signingkey;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code watchword.keys.refresh-interval} on every instance: runs the rotation schedule, then reloads the
 * keys into memory. A failure (PostgreSQL away) is logged and retried next time; meanwhile the instance signs
 * with the keys it holds, whose states still follow the clock.
 */
@Component
public class KeyMaintenance implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KeyMaintenance.class);

    private final KeyRotation rotation;
    private final SigningKeys keys;
    private final KeySettings settings;
    private final Clock clock;
    private ScheduledExecutorService executor;

    public KeyMaintenance(KeyRotation rotation, SigningKeys keys, KeySettings settings, Clock clock) {
        this.rotation = rotation;
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    public void runOnce() {
        try {
            rotation.maintain(clock.instant());
        } catch (RuntimeException e) {
            log.warn("Signing key maintenance failed; retrying in {}", settings.refreshInterval(), e);
        }
        try {
            keys.refresh();
        } catch (RuntimeException e) {
            log.warn("Reloading the signing keys failed; still signing with the keys held", e);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "signing-key-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        long interval = settings.refreshInterval().toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
