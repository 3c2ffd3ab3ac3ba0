package dev.watchword.command.security;

import dev.watchword.command.apikey.ApiKeyDirectory.WorkingKey;
import dev.watchword.command.appdirectory.AppPolicy;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An app's backend calling the admin API with its secret API key (server to server): it acts for its
 * own app only, with {@link AppPolicy#API_KEY_PERMISSIONS}, and the log records {@code apikey:<key id>} as the actor.
 */
public class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final WorkingKey key;

    public ApiKeyAuthentication(WorkingKey key) {
        super(AppPolicy.API_KEY_PERMISSIONS.stream().map(SimpleGrantedAuthority::new).toList());
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
