package dev.watchword.query.replay;

import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.query.eventstream.ReadModelSwitched;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One replay, on the thread of the instance that started it.
 * <p>
 * Reads {@code audit_entry} in position order, a batch per transaction, and applies each event to the target's
 * projection inside a {@link ShadowTransaction}; at the head it keeps following the log. The applied positions
 * are remembered ({@link PositionSet}) because the log's copy is not filled strictly in position order: events
 * of different Kafka partitions are consumed independently, so an event may be recorded after a higher position
 * was read. Events of one aggregate share a partition and so keep their order, which is all the projections rely
 * on (the live listener gives them no more). Before the switch-over every position of the log is compared with
 * the applied ones and the missed events are applied, once without and once under the {@link SwitchOverGate},
 * so that the shadow has exactly the events the live tables have when they are swapped.
 */
final class ReplayRun implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(ReplayRun.class);
    private static final int RECONCILE_CHUNK = 1_000;

    private final Replay replay;
    private final ReplayTarget target;
    private final String live;
    private final Dependencies use;
    private final PositionSet applied = new PositionSet();
    private volatile boolean stopping;

    /** The highest position read so far; the next batch starts after it. */
    private long cursor;

    private long eventsApplied;

    record Dependencies(
            Replays replays,
            ReplaySource source,
            ShadowTables shadows,
            ShadowTransaction transaction,
            SwitchOverGate gate,
            JdbcClient jdbc,
            ReplayProperties properties,
            Clock clock,
            ApplicationEventPublisher events) {}

    ReplayRun(Replay replay, ReplayTarget target, String live, Dependencies use) {
        this.replay = replay;
        this.target = target;
        this.live = live;
        this.use = use;
    }

    void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        try {
            follow();
        } catch (Stopped e) {
            end(ReplayStatus.FAILED, null, "query-service stopped during the replay; start it again");
        } catch (RuntimeException | Error e) {
            log.error("Replay {} of {} failed at position {}", replay.replayId(), target.name(), cursor, e);
            // The cause stays in the log: the API never shows SQL or class names.
            end(
                    ReplayStatus.FAILED,
                    null,
                    "Stopped by an error after position " + cursor
                            + "; see the query-service log. The live read model is untouched.");
        }
    }

    private void follow() {
        long windowStart = System.nanoTime();
        long appliedAtWindowStart = 0;
        while (true) {
            checkStopping();
            boolean more = applyNextBatch();
            long elapsed = System.nanoTime() - windowStart;
            if (!more || elapsed >= use.properties().progressInterval().toNanos()) {
                long head = use.source().head();
                boolean caughtUp = !more && cursor >= head;
                double eventsPerSecond = elapsed == 0 ? 0 : (eventsApplied - appliedAtWindowStart) * 1e9 / elapsed;
                if (elapsed >= use.properties().progressInterval().toNanos() || caughtUp) {
                    use.replays()
                            .progress(
                                    replay.replayId(),
                                    caughtUp ? ReplayStatus.CAUGHT_UP : ReplayStatus.BUILDING,
                                    cursor,
                                    head,
                                    eventsApplied,
                                    eventsPerSecond,
                                    use.clock().instant());
                    windowStart = System.nanoTime();
                    appliedAtWindowStart = eventsApplied;
                }
                Optional<Replay> now = use.replays().getReplayById(replay.replayId());
                if (now.isEmpty() || now.get().status().finished()) {
                    // Abandoned by another instance that took this one for dead: nothing left to do.
                    return;
                }
                if ("abandon".equals(now.get().requested())) {
                    end(ReplayStatus.ABANDONED, null, null);
                    return;
                }
                if ("switch".equals(now.get().requested()) && caughtUp) {
                    switchOver();
                    return;
                }
            }
            if (!more) {
                sleep();
            }
        }
    }

    /** @return whether a full batch was read, so more may follow at once */
    private boolean applyNextBatch() {
        List<EventEnvelope> batch = use.source().after(cursor, use.properties().batchSize());
        if (batch.isEmpty()) {
            return false;
        }
        use.transaction().execute(replay.shadowSchema(), () -> {
            batch.forEach(this::apply);
            return null;
        });
        cursor = batch.getLast().globalIndex();
        return batch.size() == use.properties().batchSize();
    }

    private void apply(EventEnvelope envelope) {
        if (!applied.add(envelope.globalIndex())) {
            return;
        }
        eventsApplied++;
        Optional<Object> event;
        try {
            event = EventCatalog.payloadOf(envelope);
        } catch (IllegalArgumentException e) {
            // The live listener skips what it cannot read too (EventStreamListener.read).
            log.warn(
                    "Replay {} skips {} at position {}: unreadable payload",
                    replay.replayId(),
                    envelope.type(),
                    envelope.globalIndex());
            return;
        }
        // Types this version does not know are empty: no projection of this version applies them either.
        event.ifPresent(payload -> target.handler().apply(envelope, payload));
    }

    /**
     * Builds the secondary indexes and applies whatever is missing, then, with the live stream paused on every
     * instance, applies the last missing events and swaps the tables in one transaction.
     */
    private void switchOver() {
        catchUp();
        use.shadows().createIndexes(live, replay.shadowSchema(), target.tables());
        catchUp();
        use.transaction().execute(replay.shadowSchema(), this::applyMissing);
        String retired = replay.shadowSchema() + "_retired";
        use.transaction().execute(replay.shadowSchema(), () -> {
            long pauseStart = System.nanoTime();
            use.gate().close();
            List<EventEnvelope> batch;
            while (!(batch = use.source().after(cursor, use.properties().batchSize())).isEmpty()) {
                batch.forEach(this::apply);
                cursor = batch.getLast().globalIndex();
            }
            applyMissing();
            use.shadows().swap(live, replay.shadowSchema(), retired, target.tables());
            use.jdbc()
                    .sql("set local search_path to " + ShadowTables.quote(live))
                    .update();
            long head = use.source().head();
            use.replays()
                    .progress(
                            replay.replayId(),
                            ReplayStatus.CAUGHT_UP,
                            cursor,
                            head,
                            eventsApplied,
                            0,
                            use.clock().instant());
            long pauseMillis = (System.nanoTime() - pauseStart) / 1_000_000;
            use.replays()
                    .finish(
                            replay.replayId(),
                            ReplayStatus.SWITCHED,
                            pauseMillis,
                            null,
                            use.clock().instant());
            log.info(
                    "Replay {} switched {} in after {} events; live stream paused {} ms",
                    replay.replayId(),
                    target.name(),
                    eventsApplied,
                    pauseMillis);
            return null;
        });
        use.shadows().drop(retired);
        // After the commit: memory that holds rows of the old tables (the profile cache) lets them go now.
        use.events().publishEvent(new ReadModelSwitched(target.name(), target.tables()));
    }

    private void catchUp() {
        while (applyNextBatch()) {
            checkStopping();
        }
    }

    /**
     * Inside a shadow transaction: applies every event of the log not applied yet. Positions are unique and the
     * log only grows, so as many events as positions applied means none is missing, and the log's positions need
     * not be read one by one (which for a million events takes a few hundred milliseconds, a pause the live stream
     * would wait for at the switch-over).
     */
    private Void applyMissing() {
        if (use.source().count() == applied.size()) {
            return null;
        }
        List<Long> missing = new ArrayList<>();
        use.source().positions(position -> {
            if (!applied.contains(position)) {
                missing.add(position);
            }
        });
        for (int from = 0; from < missing.size(); from += RECONCILE_CHUNK) {
            use.source()
                    .at(missing.subList(from, Math.min(missing.size(), from + RECONCILE_CHUNK)))
                    .forEach(this::apply);
        }
        if (!missing.isEmpty()) {
            log.info("Replay {} applied {} events recorded out of position order", replay.replayId(), missing.size());
        }
        return null;
    }

    private void end(ReplayStatus status, Long pauseMillis, String error) {
        try {
            if (status != ReplayStatus.SWITCHED) {
                use.shadows().drop(replay.shadowSchema());
            }
            use.replays()
                    .finish(
                            replay.replayId(),
                            status,
                            pauseMillis,
                            error,
                            use.clock().instant());
        } catch (RuntimeException e) {
            log.error(
                    "Could not record the end of replay {}; its shadow schema {} may be left behind",
                    replay.replayId(),
                    replay.shadowSchema(),
                    e);
        }
    }

    private void sleep() {
        try {
            Thread.sleep(use.properties().pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private void checkStopping() {
        if (stopping || Thread.currentThread().isInterrupted()) {
            throw new Stopped();
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
