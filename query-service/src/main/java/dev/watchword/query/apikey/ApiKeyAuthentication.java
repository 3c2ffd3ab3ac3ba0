package dev.watchword.query.apikey;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A request authenticated by an app's API key. It holds the permissions of the app's built-in {@code admin} role
 * but {@code keys:write} (never {@code apps:write}); the principal binds it to its app.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final AppApiKey key;

    ApiKeyAuthentication(AppApiKey key, List<String> permissions) {
        super(AuthorityUtils.createAuthorityList(permissions));
        this.key = key;
        setAuthenticated(true);
    }

    @Override
    public AppApiKey getPrincipal() {
        return key;
    }

    /** The key itself is not kept. */
    @Override
    public Object getCredentials() {
        return null;
    }
}
