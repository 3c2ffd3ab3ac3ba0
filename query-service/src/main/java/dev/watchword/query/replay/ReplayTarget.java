package dev.watchword.query.replay;

import dev.watchword.events.envelope.EventEnvelope;
import java.util.List;
import java.util.Optional;

/**
 * One read model as the replay sees it.
 *
 * @param name          the read model's table name, how the operator names it ({@code admin_user_row})
 * @param tables        every table its projection writes; a replay rebuilds exactly these, in a shadow schema
 * @param notReplayable why it cannot be replayed, empty when it can
 * @param handler       applies one event of the log to it; {@code null} when it cannot be replayed
 */
record ReplayTarget(String name, List<String> tables, Optional<String> notReplayable, Handler handler) {

    ReplayTarget {
        tables = List.copyOf(tables);
    }

    boolean replayable() {
        return notReplayable.isEmpty();
    }

    /** The projection's own entry point, called with every event of the log that this version can read. */
    @FunctionalInterface
    interface Handler {

        void apply(EventEnvelope envelope, Object event);
    }
}
