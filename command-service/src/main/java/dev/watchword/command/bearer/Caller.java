package dev.watchword.command.bearer;

import dev.watchword.command.user.SessionEnded;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who calls an authenticated endpoint: the access token's user and session. */
public record Caller(String userId, String sessionId) {

    public static Caller of(Jwt jwt) {
        if (jwt == null) {
            throw new SessionEnded();
        }
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("sid"));
    }
}
