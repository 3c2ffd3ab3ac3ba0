package dev.watchword.query.activity;

import dev.watchword.query.appscope.AdminScope;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code daily_activity} and {@code daily_active_user} tables, always within the caller's {@link AdminScope}.
 * Over several apps (a platform operator without an {@code app}) the figures are summed: every user belongs to one
 * app, so the sum of distinct active users per app is the number of distinct active users.
 */
@Repository
public class DailyActivities {

    private final JdbcClient jdbc;

    DailyActivities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every day from {@code from} to {@code to}, both inclusive, oldest first; a day without events is zeros, as
     * is every day of an app outside the scope or unknown.
     *
     * @param appId the one app to count, {@code null} for every app in the scope
     */
    public List<DailyActivity> findDailyActivities(AdminScope scope, String appId, LocalDate from, LocalDate to) {
        Where where = where(scope, appId);
        Map<LocalDate, DailyActivity> stored = jdbc
                .sql("select day, sum(registrations) as registrations,"
                        + " sum(logins) as logins, sum(failed_logins) as failed_logins, sum(lockouts) as lockouts,"
                        + " sum(active_users) as active_users from daily_activity"
                        + " where day between :from and :to and " + where.sql() + " group by day")
                .params(where.params())
                .param("from", from)
                .param("to", to)
                .query((row, n) -> new DailyActivity(
                        row.getObject("day", LocalDate.class),
                        row.getLong("registrations"),
                        row.getLong("logins"),
                        row.getLong("failed_logins"),
                        row.getLong("lockouts"),
                        row.getLong("active_users")))
                .list()
                .stream()
                .collect(Collectors.toMap(DailyActivity::day, Function.identity()));
        return from.datesUntil(to.plusDays(1))
                .map(day -> stored.getOrDefault(day, DailyActivity.none(day)))
                .toList();
    }

    /** Distinct users with at least one successful login in the month (UTC). */
    public long countMonthlyActiveUsers(AdminScope scope, String appId, YearMonth month) {
        Where where = where(scope, appId);
        return jdbc.sql("select count(distinct user_id) from daily_active_user"
                        + " where day between :first and :last and " + where.sql())
                .params(where.params())
                .param("first", month.atDay(1))
                .param("last", month.atEndOfMonth())
                .query(Long.class)
                .single();
    }

    /** A scoped caller asking for another app gets nothing: both conditions must hold. */
    private static Where where(AdminScope scope, String appId) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if (!scope.isPlatformWide()) {
            conditions.add("app_id = :scope");
            params.put("scope", scope.appId());
        }
        if (appId != null) {
            conditions.add("app_id = :app");
            params.put("app", appId);
        }
        return new Where(String.join(" and ", conditions), params);
    }

    private record Where(String sql, Map<String, Object> params) {}
}
