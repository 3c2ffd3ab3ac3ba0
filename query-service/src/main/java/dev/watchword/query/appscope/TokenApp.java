package dev.watchword.query.appscope;

import dev.watchword.events.app.DefaultApp;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Optional;

/** The app an access token was issued for. */
public final class TokenApp {

    /** The access token claim naming the app (its {@code appId}). */
    public static final String CLAIM = "tenant";

    private TokenApp() {
    }

    /**
     * The token's {@code tenant}, or the default app for a token issued before apps were applied to tokens (it
     * has no such claim). A claim that is not a non-blank string names no app: empty.
     */
    public static Optional<String> of(Jwt token) {
        Object claim = token.getClaims().get(CLAIM);
        if (claim == null) {
            return Optional.of(DefaultApp.APP_ID);
        }
        return claim instanceof String tenant && !tenant.isBlank() ? Optional.of(tenant)
                : Optional.empty();
    }
}
