package dev.watchword.query.authorization;

import dev.watchword.accesstoken.AccessTokenRules;
import java.util.OptionalLong;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Where permissions matter (the admin API), refuses a token whose {@code authz_ver} is lower than the user's
 * current authorization version, or whose user is disabled: a demoted admin loses admin power as soon as the
 * {@code RoleRevoked} arrives, not when the token expires. A token without {@code authz_ver} is at version 0.
 * <p>
 * Refused as an invalid token (401, {@code error="invalid_token"}), not 403: the token no longer states the
 * user's authorization, and a client that refreshes gets one that does (the same answer command-service gives).
 */
@Component
public class AuthorizationVersionValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error STALE =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The authorization of this token is out of date", null);
    private static final OAuth2Error MALFORMED =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The authz_ver claim must be a non-negative integer", null);

    private final AuthorizationVersions versions;

    public AuthorizationVersionValidator(AuthorizationVersions versions) {
        this.versions = versions;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        OptionalLong tokenVersion = AccessTokenRules.authorizationVersion(token);
        if (tokenVersion.isEmpty()) {
            return OAuth2TokenValidatorResult.failure(MALFORMED);
        }
        return versions.isCurrent(token.getSubject(), tokenVersion.getAsLong())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(STALE);
    }
}
