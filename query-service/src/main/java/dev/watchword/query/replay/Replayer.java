package dev.watchword.query.replay;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Starts replays on this instance and abandons those whose instance is gone. A replay runs on a thread of the
 * instance that started it; the others learn of it, and ask it to switch or stop, through the {@code replay}
 * table.
 */
@Component
class Replayer {

    private final ReplayRun.Dependencies use;
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    Replayer(
            Replays replays,
            ReplaySource source,
            ShadowTables shadows,
            ShadowTransaction transaction,
            SwitchOverGate gate,
            JdbcClient jdbc,
            ReplayProperties properties,
            Clock clock,
            ApplicationEventPublisher events) {
        this.use = new ReplayRun.Dependencies(
                replays, source, shadows, transaction, gate, jdbc, properties, clock, events);
    }

    /**
     * Creates the shadow tables and starts applying the log to them.
     *
     * @throws ReplayAlreadyRunning when the projection already has an unfinished replay
     * @throws AuditTrailIncomplete when audit_entry lacks events this service applied
     */
    Replay start(ReplayTarget target, String startedBy) {
        if (!target.replayable()) {
            throw new IllegalArgumentException(target.name() + " is not replayable");
        }
        long missing = use.source().missingFromAuditTrail();
        if (missing > 0) {
            throw new AuditTrailIncomplete(missing);
        }
        String replayId = UUID.randomUUID().toString();
        String shadow = "replay_" + replayId.replace("-", "").substring(0, 12);
        Instant now = use.clock().instant();
        long head = use.source().head();
        Replay replay = new Replay(
                replayId,
                target.name(),
                ReplayStatus.BUILDING,
                shadow,
                0,
                head,
                head,
                0,
                0,
                null,
                startedBy,
                now,
                now,
                null,
                null,
                null,
                null);
        if (!use.replays().insert(replay)) {
            throw new ReplayAlreadyRunning(target.name());
        }
        String live = use.shadows().liveSchema();
        try {
            use.shadows().create(live, shadow, target.tables());
        } catch (RuntimeException e) {
            use.shadows().drop(shadow);
            use.replays()
                    .finish(
                            replayId,
                            ReplayStatus.FAILED,
                            null,
                            "Could not create the shadow tables; see the " + "query-service log.",
                            use.clock().instant());
            throw e;
        }
        ReplayRun run = new ReplayRun(replay, target, live, use);
        Thread thread = Thread.ofVirtual().name("replay-" + target.name()).unstarted(() -> {
            try {
                run.run();
            } finally {
                running.remove(replayId);
            }
        });
        running.put(replayId, new Running(run, thread));
        thread.start();
        return replay;
    }

    /**
     * Asks the instance running the replay to abandon it; when that instance is gone (its heartbeat is stale),
     * abandons it here.
     *
     * @return {@code false} when the replay is already finished
     */
    boolean abandon(Replay replay) {
        if (replay.status().finished()) {
            return false;
        }
        if (!running.containsKey(replay.replayId()) && stale(replay)) {
            use.shadows().drop(replay.shadowSchema());
            return use.replays()
                    .finish(
                            replay.replayId(),
                            ReplayStatus.ABANDONED,
                            null,
                            "Abandoned after its instance stopped.",
                            use.clock().instant());
        }
        return use.replays().request(replay.replayId(), "abandon");
    }

    /** @return {@code false} when the replay is already finished */
    boolean requestSwitch(Replay replay) {
        return use.replays().request(replay.replayId(), "switch");
    }

    boolean stale(Replay replay) {
        return !replay.status().finished()
                && replay.heartbeatAt()
                        .plus(use.properties().staleAfter())
                        .isBefore(use.clock().instant());
    }

    /** A replay cannot outlive its instance: stop them, each recording why and dropping its shadow. */
    @PreDestroy
    void stopAll() throws InterruptedException {
        running.values().forEach(each -> each.run().stop());
        for (Running each : running.values()) {
            each.thread().join(10_000);
        }
    }

    private record Running(ReplayRun run, Thread thread) {}
}
