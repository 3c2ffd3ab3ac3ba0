package dev.watchword.query.activity;

import dev.watchword.query.appscope.AdminScope;
import dev.watchword.query.paging.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code login_activity} table, always within the caller's {@link AdminScope}. */
@Repository
public class LoginActivities {

    private final JdbcClient jdbc;

    LoginActivities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the user's login history, latest first. */
    public List<LoginActivity> findLoginActivities(AdminScope scope, String userId, PageRequest page) {
        return jdbc.sql("select event_id, user_id, type, occurred_at, ip_address, user_agent, method, reason,"
                        + " session_id from login_activity where user_id = :userId and " + scope.sqlCondition()
                        + " order by occurred_at desc, event_id limit :limit offset :offset")
                .params(scope.sqlParams())
                .param("userId", userId)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(LoginActivities::map)
                .list();
    }

    public long countLoginActivities(AdminScope scope, String userId) {
        return jdbc.sql("select count(*) from login_activity where user_id = :userId and " + scope.sqlCondition())
                .params(scope.sqlParams())
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    private static LoginActivity map(ResultSet row, int rowNumber) throws SQLException {
        return new LoginActivity(
                row.getString("event_id"),
                row.getString("user_id"),
                row.getString("type"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("ip_address"),
                row.getString("user_agent"),
                row.getString("method"),
                row.getString("reason"),
                row.getString("session_id"));
    }
}
