package dev.watchword.query.activity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code daily_activity} and {@code daily_active_user} tables, within the default app. */
@Repository
public class DailyActivities {

    private final JdbcClient jdbc;

    DailyActivities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every day from {@code from} to {@code to}, both inclusive, oldest first; a day without events is zeros. */
    public List<DailyActivity> findDailyActivities(LocalDate from, LocalDate to) {
        Map<LocalDate, DailyActivity> stored = jdbc.sql("""
                        select day, registrations, logins, failed_logins, lockouts, active_users
                        from daily_activity where app_id = 'default' and day between :from and :to""")
                .param("from", from)
                .param("to", to)
                .query((row, n) -> new DailyActivity(row.getObject("day", LocalDate.class),
                        row.getLong("registrations"), row.getLong("logins"), row.getLong("failed_logins"),
                        row.getLong("lockouts"), row.getLong("active_users")))
                .list().stream()
                .collect(Collectors.toMap(DailyActivity::day, Function.identity()));
        return from.datesUntil(to.plusDays(1))
                .map(day -> stored.getOrDefault(day, DailyActivity.none(day)))
                .toList();
    }

    /** Distinct users with at least one successful login in the month (UTC). */
    public long countMonthlyActiveUsers(YearMonth month) {
        return jdbc.sql("""
                        select count(distinct user_id) from daily_active_user
                        where app_id = 'default' and day between :first and :last""")
                .param("first", month.atDay(1))
                .param("last", month.atEndOfMonth())
                .query(Long.class)
                .single();
    }
}
