package dev.watchword.query.activity;

import java.time.LocalDate;

/**
 * Read model: what happened on one UTC day in one app (or, summed, in several). Each counter equals the number of
 * events of its kind dated that day (by the event's own timestamp).
 *
 * @param registrations {@code UserRegistered}
 * @param logins        {@code LoginSucceeded}
 * @param failedLogins  {@code LoginFailed}, whatever the reason
 * @param lockouts      {@code LoginLocked}
 * @param activeUsers   distinct users with a {@code LoginSucceeded}
 */
public record DailyActivity(
        LocalDate day, long registrations, long logins, long failedLogins, long lockouts, long activeUsers) {

    public static DailyActivity none(LocalDate day) {
        return new DailyActivity(day, 0, 0, 0, 0, 0);
    }
}
