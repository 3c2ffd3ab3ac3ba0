package dev.watchword.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchword.query.appscope.AdminScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code audit_entry} table, always in ascending position and within the caller's {@link AdminScope}. */
@Repository
class AuditEntries {

    private static final String COLUMNS = """
            position, event_id, type, aggregate_id, sequence_number, occurred_at, app_id, actor, ip_address, \
            payload""";

    private final JdbcClient jdbc;
    private final AuditExportConnections exports;
    private final ObjectMapper json;

    AuditEntries(JdbcClient jdbc, AuditExportConnections exports, ObjectMapper json) {
        this.jdbc = jdbc;
        this.exports = exports;
        this.json = json;
    }

    /** Up to {@code limit} matching entries after the position {@code after}. */
    List<AuditEntry> findAuditEntries(AdminScope scope, AuditFilter filter, long after, int limit) {
        Where where = where(scope, filter);
        return jdbc.sql("select " + COLUMNS + " from audit_entry where position > :after and " + where.sql()
                        + " order by position limit :limit")
                .params(where.params())
                .param("after", after)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /**
     * Hands every matching entry to {@code sink}, one at a time, without holding more than one fetch in memory.
     * The sink runs inside a read-only transaction, which keeps a connection for as long as it takes: one of the
     * exports' own pool ({@link AuditExportConnections}), never one the rest of the API needs.
     */
    void streamAuditEntries(AdminScope scope, AuditFilter filter, Consumer<AuditEntry> sink) {
        Where where = where(scope, filter);
        JdbcClient cursor = JdbcClient.create(exports.cursor());
        exports.readOnly()
                .executeWithoutResult(status -> cursor.sql(
                                "select " + COLUMNS + " from audit_entry where " + where.sql() + " order by position")
                        .params(where.params())
                        .query((RowCallbackHandler) row -> sink.accept(map(row, row.getRow()))));
    }

    /** Only fixed fragments go into the SQL; every value the caller sent is a bind parameter. */
    private static Where where(AdminScope scope, AuditFilter filter) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        // A scoped caller filtering by another app gets nothing: both conditions hold.
        if (!scope.isPlatformWide()) {
            conditions.add("app_id = :scope");
            params.put("scope", scope.appId());
        }
        if (filter.aggregateId() != null) {
            conditions.add("aggregate_id = :aggregateId");
            params.put("aggregateId", filter.aggregateId());
        }
        if (filter.types() != null) {
            conditions.add("type in (:types)");
            params.put("types", filter.types());
        }
        if (filter.actor() != null) {
            conditions.add("actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.appId() != null) {
            conditions.add("app_id = :appId");
            params.put("appId", filter.appId());
        }
        if (filter.from() != null) {
            conditions.add("occurred_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        return new Where(String.join(" and ", conditions), params);
    }

    private AuditEntry map(ResultSet row, int rowNumber) throws SQLException {
        try {
            return new AuditEntry(
                    row.getLong("position"),
                    row.getString("event_id"),
                    row.getString("type"),
                    row.getString("aggregate_id"),
                    row.getLong("sequence_number"),
                    row.getTimestamp("occurred_at").toInstant(),
                    row.getString("app_id"),
                    row.getString("actor"),
                    row.getString("ip_address"),
                    json.readTree(row.getString("payload")));
        } catch (JsonProcessingException e) {
            // PostgreSQL validated it as jsonb on the way in.
            throw new IllegalStateException("Unreadable payload of audit entry " + row.getString("event_id"), e);
        }
    }

    private record Where(String sql, Map<String, Object> params) {}
}
