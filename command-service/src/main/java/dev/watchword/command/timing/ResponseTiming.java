package dev.watchword.command.timing;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a handler tells {@link UniformResponseTime} about the request it is handling: which of its paths ran (the
 * floor of an endpoint is learned per path, so that no path's durations can pull it below another's), and how
 * long it queued for a shared turn (the hashing bulkhead), which does not depend on the path and is not work.
 */
public final class ResponseTiming {

    static final String PATH = ResponseTiming.class.getName() + ".path";

    private static final ThreadLocal<long[]> QUEUED = new ThreadLocal<>();

    private ResponseTiming() {}

    /**
     * Names the path this request took, e.g. "account" or "no-account". Only constants of the handler's own, never
     * anything from the request, so that the paths of an endpoint stay few.
     */
    public static void path(HttpServletRequest request, String path) {
        request.setAttribute(PATH, path);
    }

    /** Adds time this thread spent waiting for a turn, if it is handling a timed request; else does nothing. */
    public static void queued(long nanos) {
        long[] queued = QUEUED.get();
        if (queued != null) {
            queued[0] += nanos;
        }
    }

    /** Starts counting queueing for the request this thread is about to handle. */
    static void begin() {
        QUEUED.set(new long[1]);
    }

    /** The queueing of the request this thread handled, in nanoseconds; stops counting. */
    static long end() {
        long[] queued = QUEUED.get();
        QUEUED.remove();
        return queued == null ? 0 : queued[0];
    }

    static String pathOf(HttpServletRequest request) {
        return request.getAttribute(PATH) instanceof String path ? path : null;
    }
}
