package dev.watchword.query.activity;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.appscope.UserApps;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.ReadModel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts events into {@code daily_activity}. The listener calls this once per event id, so a plain increment
 * is exact; active users are counted through {@code daily_active_user}, whose key makes a second login of the
 * same user on the same day count once. Counted per app: a registration in the app it names, anything else in
 * the app of the user.
 */
@Component
@ReadModel(
        tables = {"daily_activity", "daily_active_user", "user_app"},
        reads = "user_app")
class DailyActivityProjection implements Projection {

    private final JdbcClient jdbc;
    private final UserApps userApps;

    DailyActivityProjection(JdbcClient jdbc, UserApps userApps) {
        this.jdbc = jdbc;
        this.userApps = userApps;
    }

    @Override
    public void project(EventEnvelope envelope, UserEvent event) {
        switch (event) {
            case UserRegistered e ->
                increment(Counter.REGISTRATIONS, e.appIdOrDefault(), day(e.registeredAt(), envelope));
            case LoginSucceeded e -> {
                String appId = userApps.appOf(e.userId());
                LocalDate day = day(e.succeededAt(), envelope);
                increment(Counter.LOGINS, appId, day);
                if (firstLoginOfTheDay(appId, e.userId(), day)) {
                    increment(Counter.ACTIVE_USERS, appId, day);
                }
            }
            // Every reason counts, EMAIL_NOT_VERIFIED included: the password was tried and the login refused.
            case LoginFailed e ->
                increment(Counter.FAILED_LOGINS, userApps.appOf(e.userId()), day(e.failedAt(), envelope));
            case LoginLocked e -> increment(Counter.LOCKOUTS, userApps.appOf(e.userId()), day(e.lockedAt(), envelope));
            default -> {}
        }
    }

    private boolean firstLoginOfTheDay(String appId, String userId, LocalDate day) {
        return jdbc.sql("""
                        insert into daily_active_user (app_id, day, user_id) values (:appId, :day, :userId)
                        on conflict do nothing""")
                        .param("appId", appId)
                        .param("day", day)
                        .param("userId", userId)
                        .update()
                == 1;
    }

    private void increment(Counter counter, String appId, LocalDate day) {
        // The column name comes from the enum, never from input.
        jdbc.sql("insert into daily_activity (app_id, day, " + counter.column + ") values (:appId, :day, 1) "
                        + "on conflict (app_id, day) do update set " + counter.column + " = daily_activity."
                        + counter.column + " + 1")
                .param("appId", appId)
                .param("day", day)
                .update();
    }

    /** Days are UTC days. */
    private static LocalDate day(Instant at, EventEnvelope envelope) {
        return LocalDate.ofInstant(at != null ? at : envelope.occurredAt(), ZoneOffset.UTC);
    }

    private enum Counter {
        REGISTRATIONS("registrations"),
        LOGINS("logins"),
        FAILED_LOGINS("failed_logins"),
        LOCKOUTS("lockouts"),
        ACTIVE_USERS("active_users");

        private final String column;

        Counter(String column) {
            this.column = column;
        }
    }
}
