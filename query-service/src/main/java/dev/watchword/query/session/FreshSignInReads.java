package dev.watchword.query.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.watchword.accesstoken.AccessTokenRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Read-your-writes for a sign-in: the signed-in user's own reads ({@code GET /api/users/me}, the session list) wait
 * until this service has projected the access token's session, so an app that reads the profile right after a
 * sign-in sees what that sign-in changed (a magic link's or a code's verified address, the new session itself),
 * not the state before it.
 * <p>
 * Why the session is enough: command-service records a sign-in's events in one transaction, the session's
 * {@code SessionStarted} last, and all events of one user travel in order on one partition, each projected in its own
 * transaction before the next. Once the session's row exists, everything the user did up to that sign-in is in the
 * read models.
 * <p>
 * A session seen once is remembered, so a token of a known session costs one map lookup; only the first read of a
 * new session asks the database, and waits (polling every 20 ms) only while the session is not there yet. The wait is
 * bounded ({@code watchword.sessions.fresh-sign-in-wait}; the default is 2 seconds, 0 turns it off): a read that
 * outlasts it is answered from the read models as they stand, as before.
 */
@Configuration(proxyBeanMethods = false)
class FreshSignInReads implements WebMvcConfigurer {

    static final Duration POLL = Duration.ofMillis(20);

    private final SessionWait wait;

    FreshSignInReads(UserSessions sessions, @Value("${watchword.sessions.fresh-sign-in-wait:2s}") Duration maxWait) {
        this.wait = new SessionWait(sessions::isProjected, maxWait);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (!wait.maxWait().isZero()) {
            registry.addInterceptor(new HandlerInterceptor() {
                        @Override
                        public boolean preHandle(
                                HttpServletRequest request, HttpServletResponse response, Object handler)
                                throws InterruptedException {
                            Authentication caller =
                                    SecurityContextHolder.getContext().getAuthentication();
                            if (caller instanceof JwtAuthenticationToken token) {
                                wait.untilProjected(token.getToken().getClaimAsString(AccessTokenRules.SESSION_ID));
                            }
                            return true;
                        }
                    })
                    .addPathPatterns("/api/users/me", "/api/users/me/**", "/api/auth/sessions", "/api/auth/sessions/");
        }
    }

    /** The waiting itself, apart from Spring so that it can be tested with a clock of its own. */
    record SessionWait(Predicate<String> isProjected, Duration maxWait, Cache<String, Boolean> seen) {

        SessionWait(Predicate<String> isProjected, Duration maxWait) {
            this(
                    isProjected,
                    maxWait,
                    // Bounded: one entry per session read through this instance lately.
                    Caffeine.newBuilder()
                            .maximumSize(100_000)
                            .expireAfterAccess(Duration.ofHours(1))
                            .build());
        }

        /** @return whether the session is projected; false when the wait ran out or there is no session id */
        boolean untilProjected(String sessionId) throws InterruptedException {
            if (sessionId == null) {
                return false;
            }
            if (seen.getIfPresent(sessionId) != null) {
                return true;
            }
            long deadline = System.nanoTime() + maxWait.toNanos();
            while (!isProjected.test(sessionId)) {
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                // Request handling runs on virtual threads: a sleeping read holds no platform thread.
                Thread.sleep(POLL);
            }
            seen.put(sessionId, Boolean.TRUE);
            return true;
        }
    }
}
