package dev.watchword.query.appscope;

import dev.watchword.accesstoken.AccessTokenRules;
import dev.watchword.events.app.DefaultApp;
import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;

/** The app an access token was issued for. */
public final class TokenApp {

    private TokenApp() {}

    /**
     * The token's {@code tenant}, or the default app for a token issued before apps were applied to tokens (it
     * has no such claim). A claim that is not a non-blank string names no app: empty.
     */
    public static Optional<String> of(Jwt token) {
        Object claim = token.getClaims().get(AccessTokenRules.APP);
        if (claim == null) {
            return Optional.of(DefaultApp.APP_ID);
        }
        return claim instanceof String tenant && !tenant.isBlank() ? Optional.of(tenant) : Optional.empty();
    }
}
