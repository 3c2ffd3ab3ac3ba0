package dev.watchword.query.activity;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.eventstream.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Counts events into {@code daily_activity}. The listener calls this once per event id, so a plain increment
 * is exact; active users are counted through {@code daily_active_user}, whose key makes a second login of the
 * same user on the same day count once.
 */
@Component
class DailyActivityProjection implements Projection {

    private final JdbcClient jdbc;

    DailyActivityProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope, UserEvent event) {
        switch (event) {
            case UserRegistered e -> increment(Counter.REGISTRATIONS, day(e.registeredAt(), envelope));
            case LoginSucceeded e -> {
                LocalDate day = day(e.succeededAt(), envelope);
                increment(Counter.LOGINS, day);
                if (firstLoginOfTheDay(e.userId(), day)) {
                    increment(Counter.ACTIVE_USERS, day);
                }
            }
            case LoginFailed e -> increment(Counter.FAILED_LOGINS, day(e.failedAt(), envelope));
            case LoginLocked e -> increment(Counter.LOCKOUTS, day(e.lockedAt(), envelope));
            default -> {
            }
        }
    }

    private boolean firstLoginOfTheDay(String userId, LocalDate day) {
        return jdbc.sql("""
                        insert into daily_active_user (day, user_id) values (:day, :userId)
                        on conflict do nothing""")
                .param("day", day)
                .param("userId", userId)
                .update() == 1;
    }

    private void increment(Counter counter, LocalDate day) {
        // The column name comes from the enum, never from input.
        jdbc.sql("insert into daily_activity (day, " + counter.column + ") values (:day, 1) "
                        + "on conflict (app_id, day) do update set " + counter.column + " = daily_activity."
                        + counter.column + " + 1")
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
