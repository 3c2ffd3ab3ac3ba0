package dev.watchword.command.timing;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The least time an answer of one endpoint takes: for each path of the endpoint, the 99th percentile of the work
 * (queueing for a turn excluded) of its last {@value #WINDOW} answers; the floor is the highest of these, never above
 * the cap. A path with fewer than {@value #MIN_SAMPLES} answers so far is not known well enough to count; until one
 * is, the floor is the cap. Why this keeps answers uniform is in {@link UniformResponseTime}.
 */
final class AdaptiveFloor {

    static final int WINDOW = 128;
    static final int MIN_SAMPLES = 8;
    private static final double QUANTILE = 0.99;

    private final long capNanos;
    private final Map<String, Window> windows = new HashMap<>();
    private volatile long floorNanos;

    AdaptiveFloor(Duration cap) {
        this.capNanos = cap.toNanos();
        this.floorNanos = capNanos;
    }

    long floorNanos() {
        return floorNanos;
    }

    synchronized void record(String path, long workNanos) {
        windows.computeIfAbsent(path, p -> new Window()).add(workNanos);
        long highest = -1;
        for (Window window : windows.values()) {
            if (window.count >= MIN_SAMPLES) {
                highest = Math.max(highest, window.quantile());
            }
        }
        floorNanos = highest < 0 ? capNanos : Math.min(capNanos, highest);
    }

    private static final class Window {
        private final long[] samples = new long[WINDOW];
        private int count;
        private int next;

        void add(long sample) {
            samples[next] = sample;
            next = (next + 1) % WINDOW;
            count = Math.min(count + 1, WINDOW);
        }

        long quantile() {
            long[] sorted = Arrays.copyOf(samples, count);
            Arrays.sort(sorted);
            return sorted[(int) Math.ceil(QUANTILE * count) - 1];
        }
    }
}
