package dev.watchword.query.role;

import dev.watchword.events.app.DefaultApp;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_role} table, with the built-in roles in front. */
@Repository
class AppRoles {

    private final JdbcClient jdbc;

    AppRoles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether roles can exist in the app: the default app always, another once its {@code ClientAppRegistered} is
     * in the {@code client_app_row} read model (read here directly, as the apps use case is separate).
     */
    boolean appExists(String appId) {
        return DefaultApp.APP_ID.equals(appId)
                || jdbc.sql("select exists (select 1 from client_app_row where app_id = :appId)")
                        .param("appId", appId)
                        .query(Boolean.class)
                        .single();
    }

    /** {@code user} and {@code admin}, then the custom roles in the order they were defined. */
    List<AppRole> findAppRoles(String appId) {
        List<AppRole> roles = new ArrayList<>(AppRole.builtIn(appId));
        roles.addAll(jdbc.sql("""
                        select app_id, role, permissions, defined_by, defined_at from app_role
                        where app_id = :appId order by defined_at, role""").param("appId", appId).query(AppRoles::map).list());
        return roles;
    }

    private static AppRole map(ResultSet row, int rowNumber) throws SQLException {
        return new AppRole(
                row.getString("app_id"),
                row.getString("role"),
                strings(row.getArray("permissions")),
                false,
                row.getString("defined_by"),
                row.getTimestamp("defined_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
