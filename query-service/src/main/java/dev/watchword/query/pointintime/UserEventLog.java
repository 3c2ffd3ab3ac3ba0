package dev.watchword.query.pointintime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.query.appscope.AdminScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One user's events from {@code audit_entry}, in ascending position, read a fetch at a time (index
 * {@code audit_entry_aggregate_position}), never the whole log and never the whole history at once. Always within
 * the caller's {@link AdminScope}: a user's events carry the user's app, so another app's user has no events here,
 * exactly like an unknown id.
 */
@Repository
class UserEventLog {

    /**
     * Rows per round trip. PostgreSQL's driver reads through a cursor only with a fetch size inside a
     * transaction; otherwise it loads the whole result first.
     */
    static final int FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final JdbcClient cursor;
    private final TransactionTemplate readOnly;

    UserEventLog(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(FETCH_SIZE);
        this.cursor = JdbcClient.create(fetching);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Whether the log holds any event of this user. */
    boolean hasEvents(AdminScope scope, String userId) {
        return jdbc.sql("select exists (select 1 from audit_entry where aggregate_id = :userId and "
                        + scope.sqlCondition() + ")")
                .params(scope.sqlParams())
                .param("userId", userId)
                .query(Boolean.class)
                .single();
    }

    /** Hands the user's events that occurred at or before {@code at} to {@code sink}, in position order. */
    void streamEvents(AdminScope scope, String userId, Instant at, Consumer<LoggedEvent> sink) {
        readOnly.executeWithoutResult(status -> cursor.sql("""
                        select position, type, occurred_at, actor, payload from audit_entry
                        where aggregate_id = :userId and occurred_at <= :at and %s
                        order by position""".formatted(scope.sqlCondition()))
                .params(scope.sqlParams())
                .param("userId", userId)
                .param("at", Timestamp.from(at))
                .query((RowCallbackHandler) row -> sink.accept(map(row))));
    }

    /** Hands every RoleAssigned and RoleRevoked of {@code role} for the user to {@code sink}, in position order. */
    void streamRoleEvents(AdminScope scope, String userId, String role, Consumer<LoggedEvent> sink) {
        readOnly.executeWithoutResult(status -> cursor.sql("""
                        select position, type, occurred_at, actor, payload from audit_entry
                        where aggregate_id = :userId and type in ('RoleAssigned', 'RoleRevoked')
                          and payload ->> 'role' = :role and %s
                        order by position""".formatted(scope.sqlCondition()))
                .params(scope.sqlParams())
                .param("userId", userId)
                .param("role", role)
                .query((RowCallbackHandler) row -> sink.accept(map(row))));
    }

    private static LoggedEvent map(ResultSet row) throws SQLException {
        String type = row.getString("type");
        Object event = EventCatalog.typeNamed(type)
                .map(eventType -> {
                    try {
                        return EventCatalog.json().readValue(row.getString("payload"), eventType);
                    } catch (JsonProcessingException | SQLException e) {
                        throw new IllegalStateException("Unreadable " + type + " at position " + position(row), e);
                    }
                })
                .orElse(null);
        return new LoggedEvent(
                row.getLong("position"), row.getTimestamp("occurred_at").toInstant(), row.getString("actor"), event);
    }

    private static String position(ResultSet row) {
        try {
            return Long.toString(row.getLong("position"));
        } catch (SQLException e) {
            return "?";
        }
    }
}
