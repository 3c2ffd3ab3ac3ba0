package dev.watchword.query.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The log as a replay reads it: {@code audit_entry}, this service's own copy of every event received (payload as
 * published, global position), in position order. Names are qualified with the live schema, so these reads also
 * work inside a {@link ShadowTransaction}.
 */
@Repository
class ReplaySource {

    private static final String COLUMNS =
            "event_id, position, type, aggregate_id, sequence_number, occurred_at, " + "payload::text as payload";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final ShadowTables shadows;

    ReplaySource(JdbcClient jdbc, DataSource dataSource, ShadowTables shadows) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        // Rows come in batches from a server-side cursor instead of all at once (inside a transaction).
        this.streaming.setFetchSize(10_000);
        this.shadows = shadows;
    }

    /** The highest position received, 0 when none. */
    long head() {
        return jdbc.sql("select coalesce(max(position), 0) from " + live("audit_entry"))
                .query(Long.class)
                .single();
    }

    /** Up to {@code limit} events after {@code after}, in position order. */
    List<EventEnvelope> after(long after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from " + live("audit_entry")
                        + " where position > :after order by position limit :limit")
                .param("after", after)
                .param("limit", limit)
                .query(ReplaySource::map)
                .list();
    }

    /** The events at these positions (at most a few thousand), in position order. */
    List<EventEnvelope> at(List<Long> positions) {
        return jdbc.sql("select " + COLUMNS + " from " + live("audit_entry")
                        + " where position in (:positions) order by position")
                .param("positions", positions)
                .query(ReplaySource::map)
                .list();
    }

    /** How many events the log holds. */
    long count() {
        return jdbc.sql("select count(*) from " + live("audit_entry"))
                .query(Long.class)
                .single();
    }

    /** Every position of the log, in order; must run inside a transaction for the cursor to stream. */
    void positions(LongConsumer consumer) {
        streaming.query(
                "select position from " + live("audit_entry") + " order by position",
                (ResultSet row) -> consumer.accept(row.getLong(1)));
    }

    /**
     * How many events this service applied (they are in {@code processed_event}) that are missing from
     * {@code audit_entry}: those consumed before the audit trail existed, unless the log was republished since.
     * A replay from an incomplete trail would silently lose them.
     */
    long missingFromAuditTrail() {
        return jdbc.sql("select count(*) from " + live("processed_event") + " p where not exists (select 1 from "
                        + live("audit_entry") + " a where a.event_id = p.event_id)")
                .query(Long.class)
                .single();
    }

    private String live(String table) {
        return ShadowTables.quote(shadows.liveSchema()) + "." + table;
    }

    private static EventEnvelope map(ResultSet row, int number) throws SQLException {
        try {
            return new EventEnvelope(
                    row.getString("event_id"),
                    row.getString("type"),
                    null,
                    row.getString("aggregate_id"),
                    row.getLong("sequence_number"),
                    row.getLong("position"),
                    row.getTimestamp("occurred_at").toInstant(),
                    EventCatalog.json().readTree(row.getString("payload")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable payload at position " + row.getLong("position"), e);
        }
    }
}
