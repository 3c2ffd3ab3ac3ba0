package dev.watchword.query.app;

import dev.watchword.query.appscope.AdminScope;
import dev.watchword.query.paging.PageRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code client_app_row} table, always within the caller's {@link AdminScope}. */
@Repository
class ClientAppRows {

    private static final String COLUMNS = """
            app_id, name, client_id, registered_by, registered_at, login_methods, require_verified_email,
            access_token_minutes, refresh_token_days, password_min_length, cors_origins, link_base_url, sender_name,
            settings_changed_by, settings_changed_at, updated_at""";

    private final JdbcClient jdbc;

    ClientAppRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for an unknown id and for an app outside the scope alike. */
    Optional<ClientAppRow> getClientAppRowById(AdminScope scope, String appId) {
        if (!scope.includes(appId)) {
            return Optional.empty();
        }
        return jdbc.sql("select " + COLUMNS + " from client_app_row where app_id = :appId")
                .param("appId", appId)
                .query(ClientAppRows::map)
                .optional();
    }

    /** One page of the apps, newest registration first: every app, or the caller's own only. */
    List<ClientAppRow> findClientAppRows(AdminScope scope, PageRequest page) {
        return jdbc.sql("select " + COLUMNS + " from client_app_row where " + scope.sqlCondition()
                        + " order by registered_at desc, app_id limit :limit offset :offset")
                .params(scope.sqlParams())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(ClientAppRows::map)
                .list();
    }

    long countClientAppRows(AdminScope scope) {
        return jdbc.sql("select count(*) from client_app_row where " + scope.sqlCondition())
                .params(scope.sqlParams())
                .query(Long.class)
                .single();
    }

    private static ClientAppRow map(ResultSet row, int rowNumber) throws SQLException {
        // settings_changed_at is set by every AppSettingsChanged, so it tells whether there are settings at all.
        ClientAppRow.Settings settings = row.getTimestamp("settings_changed_at") == null
                ? null
                : new ClientAppRow.Settings(
                        strings(row.getArray("login_methods")),
                        row.getBoolean("require_verified_email"),
                        row.getInt("access_token_minutes"),
                        row.getInt("refresh_token_days"),
                        row.getInt("password_min_length"),
                        strings(row.getArray("cors_origins")),
                        row.getString("link_base_url"),
                        row.getString("sender_name"));
        return new ClientAppRow(
                row.getString("app_id"),
                row.getString("name"),
                row.getString("client_id"),
                row.getString("registered_by"),
                row.getTimestamp("registered_at").toInstant(),
                settings,
                row.getString("settings_changed_by"),
                instantOrNull(row.getTimestamp("settings_changed_at")),
                row.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
