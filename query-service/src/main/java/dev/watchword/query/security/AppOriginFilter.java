package dev.watchword.query.security;

import dev.watchword.query.appscope.AppPrincipal;
import dev.watchword.query.appscope.TokenApp;
import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.ProblemWriter;
import dev.watchword.query.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The CORS filter admits the origins of every app (a preflight cannot say which app it is for), so once the caller
 * is authenticated, a cross-origin request must come from an origin of the caller's own app or of the service-wide
 * list (OWASP ASVS 5.0 V3.4.2), else 403 {@code ORIGIN_NOT_ALLOWED}: a page of app B cannot use a token of app A.
 * The app is the token's {@code tenant} claim (none: the default app, which has only the service-wide list), or an
 * API key's app. Not a bean, so that it runs only where a filter chain places it, after authentication.
 */
public class AppOriginFilter extends OncePerRequestFilter {

    private final AllowedOrigins origins;
    private final ProblemWriter problems;

    public AppOriginFilter(AllowedOrigins origins, ProblemWriter problems) {
        this.origins = origins;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        // An unauthenticated request is refused by the chain anyway; only an app's caller has an app to check.
        if (origin != null
                && CorsUtils.isCorsRequest(request)
                && actsForAnApp(caller)
                && !origins.allows(appOf(caller), origin)) {
            problems.write(
                    response,
                    Problems.of(
                            HttpStatus.FORBIDDEN,
                            ProblemCode.ORIGIN_NOT_ALLOWED,
                            "This app does not accept requests from this web origin."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean actsForAnApp(Authentication caller) {
        return caller instanceof JwtAuthenticationToken
                || caller != null && caller.getPrincipal() instanceof AppPrincipal;
    }

    /** The token's app, or {@code null} when its {@code tenant} claim names none (the service-wide list only). */
    private static String appOf(Authentication caller) {
        if (caller.getPrincipal() instanceof AppPrincipal principal) {
            return principal.appId();
        }
        return TokenApp.of(((JwtAuthenticationToken) caller).getToken()).orElse(null);
    }
}
