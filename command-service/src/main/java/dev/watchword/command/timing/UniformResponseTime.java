package dev.watchword.command.timing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers the requests that name an email address (or a code request of one) no sooner than a fixed time after
 * they arrived, so that an account's existence does not show in how long the answer takes (OWASP ASVS 5.0
 * V6.3.8): registration, reset, magic link, code and resend requests do different work for known and unknown
 * addresses; login and code verification too (an unknown address or request costs a lookup and a decoy check, a
 * known one loads the account and records the failure); an email change to a taken address tells its owner
 * instead of requesting the change. The answer is held back whole, body included, and the wait costs a parked
 * virtual thread, not a core.
 */
@Component
public class UniformResponseTime extends OncePerRequestFilter {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    private static final RequestMatcher ADDRESS_REQUESTS = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.POST, "/api/auth/register/**"),
            PATHS.matcher(HttpMethod.POST, "/api/users/register/**"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/password/reset"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/password/reset/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/magic-link"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/magic-link/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/otp"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/otp/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/otp/verify"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/otp/verify/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/login"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/login/"),
            PATHS.matcher(HttpMethod.POST, "/api/users/token"),
            PATHS.matcher(HttpMethod.POST, "/api/users/token/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/email/change"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/email/change/"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/verify-email/resend/**"));

    private final Duration floor;

    /** @param floor the least time such an answer takes; the default is 300 ms ({@code WATCHWORD_TIMING_FLOOR}) */
    public UniformResponseTime(@Value("${watchword.timing.floor:300ms}") Duration floor) {
        this.floor = floor;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return floor.isZero() || !ADDRESS_REQUESTS.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long deadline = System.nanoTime() + floor.toNanos();
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, held);
        } finally {
            waitUntil(deadline);
            held.copyBodyToResponse();
        }
    }

    private static void waitUntil(long deadline) {
        long remaining = deadline - System.nanoTime();
        if (remaining > 0) {
            try {
                Thread.sleep(Duration.ofNanos(remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
