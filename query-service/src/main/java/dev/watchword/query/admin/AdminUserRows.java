package dev.watchword.query.admin;

import dev.watchword.query.appscope.AdminScope;
import dev.watchword.query.paging.PageRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code admin_user_row} table, always within the caller's {@link AdminScope}. */
@Repository
public class AdminUserRows {

    private static final String COLUMNS =
            "user_id, app_id, email, status, email_verified, roles, created_at, last_login_at";

    private final JdbcClient jdbc;

    AdminUserRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for an unknown id and for a user outside the scope alike. */
    public Optional<AdminUserRow> getAdminUserRowById(AdminScope scope, String userId) {
        return jdbc.sql("select " + COLUMNS + " from admin_user_row where user_id = :userId")
                .param("userId", userId)
                .query(AdminUserRows::map)
                .optional()
                .filter(row -> scope.includes(row.appId()));
    }

    /** One page of the matching rows, newest account first. */
    List<AdminUserRow> findAdminUserRows(AdminScope scope, AdminUserFilter filter, PageRequest page) {
        Where where = where(scope, filter);
        return jdbc.sql("select " + COLUMNS + " from admin_user_row where " + where.sql()
                        + " order by created_at desc, user_id limit :limit offset :offset")
                .params(where.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(AdminUserRows::map)
                .list();
    }

    long countAdminUserRows(AdminScope scope, AdminUserFilter filter) {
        Where where = where(scope, filter);
        return jdbc.sql("select count(*) from admin_user_row where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /** Only fixed fragments go into the SQL; every value the caller sent is a bind parameter. */
    private static Where where(AdminScope scope, AdminUserFilter filter) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if (!scope.isPlatformWide()) {
            conditions.add("app_id = :scope");
            params.put("scope", scope.appId());
        }
        // A scoped caller filtering by another app gets nothing: both conditions hold.
        if (filter.appId() != null) {
            conditions.add("app_id = :app");
            params.put("app", filter.appId());
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.role() != null) {
            conditions.add(":role = any(roles)");
            params.put("role", filter.role());
        }
        if (filter.emailVerified() != null) {
            conditions.add("email_verified = :verified");
            params.put("verified", filter.emailVerified());
        }
        if (filter.emailContains() != null) {
            // strpos, not LIKE: a % or _ in the search text is matched literally. Stored addresses are lower case.
            conditions.add("strpos(lower(email), :q) > 0");
            params.put("q", filter.emailContains().toLowerCase(Locale.ROOT));
        }
        range(conditions, params, "created_at", filter.createdFrom(), filter.createdTo());
        range(conditions, params, "last_login_at", filter.lastLoginFrom(), filter.lastLoginTo());
        return new Where(String.join(" and ", conditions), params);
    }

    private static void range(
            List<String> conditions, Map<String, Object> params, String column, Instant from, Instant to) {
        if (from != null) {
            conditions.add(column + " >= :" + column + "_from");
            params.put(column + "_from", Timestamp.from(from));
        }
        if (to != null) {
            conditions.add(column + " < :" + column + "_to");
            params.put(column + "_to", Timestamp.from(to));
        }
    }

    private static AdminUserRow map(ResultSet row, int rowNumber) throws SQLException {
        return new AdminUserRow(
                row.getString("user_id"),
                row.getString("app_id"),
                row.getString("email"),
                row.getString("status"),
                row.getBoolean("email_verified"),
                roles(row.getArray("roles")),
                row.getTimestamp("created_at").toInstant(),
                instantOrNull(row.getTimestamp("last_login_at")));
    }

    private static List<String> roles(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static Instant instantOrNull(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Where(String sql, Map<String, Object> params) {}
}
