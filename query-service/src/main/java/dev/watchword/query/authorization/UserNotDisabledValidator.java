package dev.watchword.query.authorization;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Refuses every access token of a disabled account, on every endpoint and in introspection. command-service
 * also revokes the account's sessions ({@code SessionRevoked} with {@code USER_DISABLED}); this check does not
 * depend on those events having arrived.
 */
@Component
public class UserNotDisabledValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error DISABLED =
            new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The account of this token is disabled", null);

    private final AuthorizationVersions versions;

    public UserNotDisabledValidator(AuthorizationVersions versions) {
        this.versions = versions;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String userId = token.getSubject();
        return userId != null && versions.isDisabled(userId)
                ? OAuth2TokenValidatorResult.failure(DISABLED)
                : OAuth2TokenValidatorResult.success();
    }
}
