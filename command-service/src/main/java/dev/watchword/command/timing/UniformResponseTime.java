package dev.watchword.command.timing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Holds back the answers of requests that name an email address (or a code request of one), so that an account's
 * existence does not show in how long the answer takes (OWASP ASVS 5.0 V6.3.8): registration, reset, magic link,
 * code and resend requests do different work for known and unknown addresses; login and code verification too; an
 * email change to a taken address tells its owner instead of requesting the change. The answer is held back whole,
 * body included, and the wait costs a parked virtual thread, not a core.
 * <p>
 * <b>Flows without a password hash</b> (reset, magic link, code request and check, resend, email change) answer no
 * sooner than the fixed floor ({@code watchword.timing.floor}, 300 ms): their work is a few milliseconds either way,
 * so the floor hides it and costs nothing but latency.
 * <p>
 * <b>Login and registration</b> already spend most of their time on one Argon2id computation on every path (an
 * unknown address checks a decoy hash, a taken address is hashed too), so a fixed 300 ms would mostly wait for
 * nothing. Their floor adapts instead ({@link AdaptiveFloor}): each handler names the path it took
 * ({@link ResponseTiming#path}: login's "account" or "no-account", registration's "new" or "taken"), the work of
 * every answer is recorded for its path, and an answer is held until {@code queueing + floor}, where the floor is the
 * highest over the paths of the 99th percentile of that path's last 128 answers, capped by the fixed floor. So at any
 * one moment every answer of the endpoint is released at the same offset whichever path ran, and only the slowest
 * percent or so of answers, whose own work outlasted the floor, show their own duration.
 * <p>
 * What an attacker can and cannot learn from it:
 * <ul>
 *   <li>One answer: its time is the current floor (the same for every path) plus its own queueing for a hashing
 *       turn, which is first come, first served and taken at the same point of every path, so it depends on the load,
 *       not on the path.</li>
 *   <li>Many answers: only the answers whose work exceeded the floor carry a signal, about one in a hundred, and a
 *       path that is a few milliseconds faster exceeds a little less often; telling that apart takes thousands of
 *       answers about the same address, far beyond the per-address rate limits and lockout. The fixed floor leaked
 *       the same way once the work outgrew 300 ms under load.</li>
 *   <li>Lowering the floor: each path's durations only ever count for that path, and the floor is the highest path's,
 *       so flooding the fast path (unknown addresses) cannot pull the floor below the slow path's. A path with fewer
 *       than eight answers so far does not count, and until one path has that many the floor is the cap.</li>
 *   <li>Raising the floor, by loading the server: only makes answers slower and more uniform (at most the cap).</li>
 *   <li>Changing load: the floor follows the recent work, so in the moments after the load rises more answers exceed
 *       it, as with the fixed floor under overload; queueing, the part that grows most, is excluded from the work and
 *       added per answer, so the floor itself moves little.</li>
 *   <li>A successful login is answered at once: only whoever holds the password gets it, and it tells them nothing
 *       they do not know. Every failure (unknown address, wrong password, locked, disabled) is held. A 503 for want of
 *       a hashing turn is answered at once too: it is decided before either path does its own work.</li>
 * </ul>
 */
@Component
public class UniformResponseTime extends OncePerRequestFilter {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static final RequestMatcher LOGIN = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.POST, "/api/auth/login"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/login/"),
            PATHS.matcher(HttpMethod.POST, "/api/users/token"),
            PATHS.matcher(HttpMethod.POST, "/api/users/token/"));

    private static final RequestMatcher REGISTRATION = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.POST, "/api/auth/register/**"),
            PATHS.matcher(HttpMethod.POST, "/api/users/register/**"));

    private static final RequestMatcher FIXED = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.POST, "/api/auth/password/reset"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/password/reset/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/magic-link"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/magic-link/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/otp"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/otp/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/otp/verify"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/otp/verify/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/email/change"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/email/change/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/verify-email/resend/**"));

    /** The kinds of answers held back. */
    public enum Endpoint {
        LOGIN,
        REGISTRATION,
        FIXED,
        NONE
    }

    /** Parks the current thread for the given nanoseconds. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long nanos);
    }

    private final long floorNanos;
    private final AdaptiveFloor login;
    private final AdaptiveFloor registration;
    private final LongSupplier clock;
    private final Sleeper sleeper;

    /**
     * @param floor the least time an answer of a flow without a password hash takes, and the most that login's and
     *              registration's adaptive floor may reach; the default is 300 ms ({@code WATCHWORD_TIMING_FLOOR});
     *              0 turns every floor off
     */
    @Autowired
    public UniformResponseTime(@Value("${watchword.timing.floor:300ms}") Duration floor) {
        this(floor, System::nanoTime, UniformResponseTime::park);
    }

    UniformResponseTime(Duration floor, LongSupplier clock, Sleeper sleeper) {
        this.floorNanos = floor.toNanos();
        this.login = new AdaptiveFloor(floor);
        this.registration = new AdaptiveFloor(floor);
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return floorNanos == 0 || endpointOf(request) == Endpoint.NONE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Endpoint endpoint = endpointOf(request);
        long start = clock.getAsLong();
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        ResponseTiming.begin();
        try {
            chain.doFilter(request, held);
            answered = true;
        } finally {
            long queued = ResponseTiming.end();
            long work = clock.getAsLong() - start - queued;
            int status = answered ? held.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR.value();
            long remaining = start
                    + holdNanos(endpoint, status, ResponseTiming.pathOf(request), work, queued)
                    - clock.getAsLong();
            if (remaining > 0) {
                sleeper.sleep(remaining);
            }
            held.copyBodyToResponse();
        }
    }

    /**
     * The least time from a request's arrival to its answer, and the recording of its work for its path.
     *
     * @param path   the path the handler named, or null (a request refused before it reached one, e.g. invalid)
     * @param work   the handling time without {@code queued}
     * @param queued the time spent queueing for a hashing turn
     */
    long holdNanos(Endpoint endpoint, int status, String path, long work, long queued) {
        AdaptiveFloor adaptive = switch (endpoint) {
            case LOGIN -> login;
            case REGISTRATION -> registration;
            default -> null;
        };
        if (adaptive == null) {
            return floorNanos;
        }
        if (status == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return 0;
        }
        long floor = adaptive.floorNanos();
        if (path != null) {
            adaptive.record(path, work);
        }
        if (endpoint == Endpoint.LOGIN && status >= 200 && status < 300) {
            return 0;
        }
        return queued + floor;
    }

    /** The floor an answer of {@code endpoint} is held to now (before its queueing is added). */
    public Duration floorOf(Endpoint endpoint) {
        return Duration.ofNanos(
                switch (endpoint) {
                    case LOGIN -> login.floorNanos();
                    case REGISTRATION -> registration.floorNanos();
                    case FIXED -> floorNanos;
                    case NONE -> 0;
                });
    }

    static Endpoint endpointOf(HttpServletRequest request) {
        if (LOGIN.matches(request)) {
            return Endpoint.LOGIN;
        }
        if (REGISTRATION.matches(request)) {
            return Endpoint.REGISTRATION;
        }
        return FIXED.matches(request) ? Endpoint.FIXED : Endpoint.NONE;
    }

    private static void park(long nanos) {
        try {
            Thread.sleep(Duration.ofNanos(nanos));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
