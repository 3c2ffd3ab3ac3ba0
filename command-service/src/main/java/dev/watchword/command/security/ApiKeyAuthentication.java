package dev.watchword.command.security;

import dev.watchword.command.apikey.ApiKeyDirectory.WorkingKey;
import dev.watchword.events.access.BuiltInRole;
import dev.watchword.events.access.Permission;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An app's backend calling the admin API with its secret API key (server to server): it acts for its
 * own app only, with {@link BuiltInRole#apiKeyPermissions()}, and the log records {@code apikey:<key id>} as the actor.
 */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final WorkingKey key;

    public ApiKeyAuthentication(WorkingKey key) {
        super(BuiltInRole.apiKeyPermissions().stream()
                .map(Permission::value)
                .map(SimpleGrantedAuthority::new)
                .toList());
        this.key = key;
        setAuthenticated(true);
    }

    public WorkingKey key() {
        return key;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return key.actorId();
    }
}
