package dev.watchword.query.apikey;

import dev.watchword.events.access.BuiltInRole;
import dev.watchword.events.access.Permission;
import java.time.Clock;
import java.util.List;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Authenticates {@code Authorization: Bearer wwk_...} on the admin API as the app whose working key it is. An
 * unknown, revoked or expired key is refused as an invalid token (401 {@code INVALID_TOKEN}), the answer for a
 * refused access token.
 * <p>
 * Deliberately not an {@code AuthenticationProvider} bean: Spring Security would add a lone provider bean to the
 * global authentication manager, the parent of every chain's, and an API key would then authenticate on the user
 * endpoints too. Only the admin chain calls it.
 */
@Component
public class ApiKeyAuthenticator {

    private static final List<String> API_KEY_PERMISSIONS =
            BuiltInRole.apiKeyPermissions().stream().map(Permission::value).toList();

    private final ApiKeyCredentials credentials;
    private final Clock clock;

    ApiKeyAuthenticator(ApiKeyCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    public ApiKeyAuthentication authenticate(BearerTokenAuthenticationToken bearer) {
        return credentials
                .findWorkingKey(bearer.getToken(), clock.instant())
                .map(app -> new ApiKeyAuthentication(app, API_KEY_PERMISSIONS))
                .orElseThrow(() -> new InvalidBearerTokenException("Unknown, revoked or expired API key"));
    }
}
