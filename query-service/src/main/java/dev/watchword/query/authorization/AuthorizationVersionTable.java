package dev.watchword.query.authorization;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code authorization_version} table, the durable copy of {@link AuthorizationVersions}. */
@Repository
class AuthorizationVersionTable {

    private final JdbcClient jdbc;

    AuthorizationVersionTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one more authorization event of the user, in the caller's transaction.
     *
     * @param disabled the status the event leaves the account in, or {@code null} for a role change, which keeps it
     * @return the user's state after the event
     */
    Entry increment(String userId, Boolean disabled, Instant at) {
        return jdbc.sql("""
                        insert into authorization_version (user_id, version, disabled, updated_at)
                        values (:userId, 1, :disabled, :at)
                        on conflict (user_id) do update
                            set version = authorization_version.version + 1,
                                disabled = case when :keepStatus then authorization_version.disabled
                                                else excluded.disabled end,
                                updated_at = excluded.updated_at
                        returning user_id, version, disabled""")
                .param("userId", userId)
                .param("disabled", disabled != null && disabled)
                .param("keepStatus", disabled == null)
                .param("at", Timestamp.from(at))
                .query(AuthorizationVersionTable::map)
                .single();
    }

    List<Entry> findAll() {
        return jdbc.sql("select user_id, version, disabled from authorization_version")
                .query(AuthorizationVersionTable::map)
                .list();
    }

    private static Entry map(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new Entry(row.getString("user_id"), row.getLong("version"), row.getBoolean("disabled"));
    }

    record Entry(String userId, long version, boolean disabled) {}
}
