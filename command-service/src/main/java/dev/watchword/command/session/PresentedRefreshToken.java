package dev.watchword.command.session;

import dev.watchword.command.appdirectory.RequestAppResolver;
import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;
import dev.watchword.command.security.RefreshCookie;
import dev.watchword.command.user.UserRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The refresh token a refresh or logout presents: the body's, or in cookie mode the app's refresh cookie (the app
 * named by {@code X-Client-Id}, the default app without one). Cookie mode without the cookie is the one answer
 * of a dead token (401 {@code INVALID_REFRESH_TOKEN}: the browser is not signed in); neither a body token nor
 * cookie mode is a 400 {@code REFRESH_TOKEN_MISSING} that says where the token goes.
 */
@Component
class PresentedRefreshToken {

    private final RequestAppResolver apps;

    PresentedRefreshToken(RequestAppResolver apps) {
        this.apps = apps;
    }

    /** The presented token; a cookie-mode request without the cookie is a dead token's 401. */
    String of(RefreshRequest body, HttpServletRequest request) {
        return find(body, request).orElseThrow(UserRuleViolation::invalidRefreshToken);
    }

    /** The presented token, empty for a cookie-mode request without the cookie. */
    Optional<String> find(RefreshRequest body, HttpServletRequest request) {
        if (body != null && body.refresh() != null && !body.refresh().isBlank()) {
            return Optional.of(body.refresh());
        }
        if (!RefreshCookie.requested(request)) {
            throw new RefreshTokenMissing();
        }
        return cookieClientId(request).flatMap(clientId -> RefreshCookie.read(request, clientId));
    }

    /** The app's name for its refresh cookie, to clear it. Empty outside cookie mode. */
    Optional<String> cookieClientId(HttpServletRequest request) {
        return RefreshCookie.requested(request)
                ? Optional.of(apps.resolve(null, request).clientId())
                : Optional.empty();
    }

    static final class RefreshTokenMissing extends RuleViolation {

        RefreshTokenMissing() {
            super(
                    ProblemCode.REFRESH_TOKEN_MISSING,
                    "Send the refresh token as \"refresh\", or ask " + "for cookie mode with the header "
                            + RefreshCookie.HEADER + ": cookie.");
        }
    }
}
