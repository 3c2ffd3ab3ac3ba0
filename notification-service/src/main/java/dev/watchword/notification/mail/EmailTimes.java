package dev.watchword.notification.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How instants and durations read in every email. In UTC, named as such: the service does not know the
 * reader's time zone, and a time without its zone would mislead.
 */
public final class EmailTimes {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(
                    "d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private EmailTimes() {}

    /** @return e.g. {@code 3 May 2025, 14:32 UTC}, or {@code null} for {@code null} (templates skip it) */
    public static String format(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    /**
     * @return the length between two instants in whole minutes or hours, e.g. {@code 10 minutes}, or
     * {@code null} when either is missing or the interval is not positive
     */
    public static String lengthBetween(Instant from, Instant to) {
        if (from == null || to == null || !from.isBefore(to)) {
            return null;
        }
        long minutes = Math.max(1, Math.round(Duration.between(from, to).toSeconds() / 60.0));
        if (minutes % 60 == 0) {
            long hours = minutes / 60;
            return hours == 1 ? "1 hour" : hours + " hours";
        }
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
