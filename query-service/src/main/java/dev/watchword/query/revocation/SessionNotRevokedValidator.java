package dev.watchword.query.revocation;

import dev.watchword.accesstoken.AccessTokenRules;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Refuses an access token whose session was revoked (logout). OWASP ASVS 5.0 V7.4.1: once a session is
 * terminated it must not be usable, and with self-contained tokens that takes a list of terminated ones.
 * A token without {@code sid} could never be revoked, so it is refused here too, whatever checked it before
 * ({@code AccessTokenRules} requires the claim).
 */
@Component
public class SessionNotRevokedValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error REVOKED =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The session of this token has ended", null);
    private static final OAuth2Error MISSING_SID =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The sid claim is required", null);

    private final RevokedSessions revoked;

    public SessionNotRevokedValidator(RevokedSessions revoked) {
        this.revoked = revoked;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String sessionId = token.getClaimAsString(AccessTokenRules.SESSION_ID);
        if (sessionId == null || sessionId.isBlank()) {
            return OAuth2TokenValidatorResult.failure(MISSING_SID);
        }
        return revoked.isRevoked(sessionId)
                ? OAuth2TokenValidatorResult.failure(REVOKED)
                : OAuth2TokenValidatorResult.success();
    }
}
