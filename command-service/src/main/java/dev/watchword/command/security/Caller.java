package dev.watchword.command.security;

import dev.watchword.accesstoken.AccessTokenRules;
import dev.watchword.command.user.UserRuleViolation;
import dev.watchword.events.app.DefaultApp;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who calls an authenticated endpoint: the access token's user, session and app ({@code tenant}; tokens issued
 * before client apps existed name none and belong to the default app).
 */
public record Caller(String userId, String sessionId, String appId) {

    public static Caller of(Jwt jwt) {
        if (jwt == null) {
            throw UserRuleViolation.sessionEnded();
        }
        return new Caller(
                jwt.getSubject(),
                jwt.getClaimAsString(AccessTokenRules.SESSION_ID),
                DefaultApp.orDefault(jwt.getClaimAsString(AccessTokenRules.APP)));
    }
}
