package dev.watchword.command.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The command side's endpoints that act for a logged-in user and so require an access token. Everywhere
 * else a bearer header is ignored, so a stale token a client still sends cannot break login or refresh.
 */
public final class BearerEndpoints {

    private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

    public static final RequestMatcher MATCHER = new OrRequestMatcher(
            PATHS.matcher(HttpMethod.POST, "/api/auth/password/change/**"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/email/change"),
            PATHS.matcher(HttpMethod.DELETE, "/api/auth/sessions/**"),
            PATHS.matcher(HttpMethod.POST, "/api/auth/logout/everywhere/**"),
            PATHS.matcher("/api/admin/**"));

    private BearerEndpoints() {}

    /** Reads {@code Authorization: Bearer} only on the endpoints above (RFC 6750 section 2.1). */
    public static BearerTokenResolver resolver() {
        DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();
        return (HttpServletRequest request) -> MATCHER.matches(request) ? header.resolve(request) : null;
    }
}
