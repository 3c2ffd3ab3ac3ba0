package dev.watchword.command.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The durations of one benchmark case, summarised in milliseconds; percentiles by nearest rank. */
final class Timings {

    private final String name;
    private final List<Long> nanos = new ArrayList<>();

    Timings(String name) {
        this.name = name;
    }

    void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    int count() {
        return nanos.size();
    }

    static String header() {
        return String.format(
                Locale.ROOT, "%-44s %5s %10s %10s %10s %10s", "case", "n", "min ms", "median ms", "p95 ms", "max ms");
    }

    String row() {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format(
                Locale.ROOT,
                "%-44s %5d %10.2f %10.2f %10.2f %10.2f",
                name,
                sorted.size(),
                millis(sorted.getFirst()),
                millis(percentile(sorted, 50)),
                millis(percentile(sorted, 95)),
                millis(sorted.getLast()));
    }

    private static long percentile(List<Long> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
