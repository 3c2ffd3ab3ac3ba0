package dev.watchword.query.app;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_key_row} table. */
@Repository
class ApiKeyRows {

    private final JdbcClient jdbc;

    ApiKeyRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every key of the app, revoked ones included, newest first. */
    List<ApiKeyRow> findApiKeyRowsByAppId(String appId) {
        return jdbc.sql("""
                        select app_id, key_id, prefix, issued_by, issued_at, status, valid_until, revoked_at
                        from api_key_row where app_id = :appId
                        order by issued_at desc, key_id""").param("appId", appId).query(ApiKeyRows::map).list();
    }

    private static ApiKeyRow map(ResultSet row, int rowNumber) throws SQLException {
        return new ApiKeyRow(
                row.getString("app_id"),
                row.getString("key_id"),
                row.getString("prefix"),
                row.getString("issued_by"),
                row.getTimestamp("issued_at").toInstant(),
                row.getString("status"),
                instantOrNull(row.getTimestamp("valid_until")),
                instantOrNull(row.getTimestamp("revoked_at")));
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
