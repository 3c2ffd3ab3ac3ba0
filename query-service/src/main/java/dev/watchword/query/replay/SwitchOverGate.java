package dev.watchword.query.replay;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.query.eventstream.EnvelopeProjection;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets a switch-over pause the live event stream, on every instance, for as long as it swaps tables. Not a read
 * model: it joins the listener's transaction as the first {@link EnvelopeProjection} (so before any read model is
 * written) and takes a shared PostgreSQL advisory lock, which the switch-over takes exclusively. The switch-over
 * thus waits for the events being applied to commit, and the events arriving meanwhile wait for it; they then
 * reach the tables it swapped in. Nothing but an uncontended shared lock is added to a normal transaction.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SwitchOverGate implements EnvelopeProjection {

    /** "WWREPLAY" in ASCII: the advisory lock's key, distinct from any other lock of the service. */
    static final long LOCK_KEY = 0x5757_5245_504C_4159L;

    private final JdbcClient jdbc;

    SwitchOverGate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope, Optional<Object> event) {
        jdbc.sql("select pg_advisory_xact_lock_shared(:key)")
                .param("key", LOCK_KEY)
                .query(row -> {});
    }

    /** In the caller's transaction: waits for the events being applied, then holds new ones until it commits. */
    void close() {
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK_KEY).query(row -> {});
    }
}
