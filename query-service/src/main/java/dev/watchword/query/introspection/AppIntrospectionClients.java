package dev.watchword.query.introspection;

import dev.watchword.query.apikey.ApiKeyCredentials;
import java.time.Clock;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Component;

/**
 * Client apps' backends as introspection clients: HTTP Basic with the app's client id as the user name and
 * one of its working API keys as the password. Such a client sees only its own app's tokens active, so that an app
 * cannot learn anything about another app's tokens.
 */
@Component
class AppIntrospectionClients {

    private final ApiKeyCredentials keys;
    private final Clock clock;

    AppIntrospectionClients(ApiKeyCredentials keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    Authentication authenticate(Authentication basic) {
        String clientId = IntrospectionClients.decode(String.valueOf(basic.getPrincipal()));
        String key = IntrospectionClients.decode(String.valueOf(basic.getCredentials()));
        return keys.findWorkingKey(key, clock.instant())
                .filter(app -> app.clientId().equals(clientId))
                .map(app -> UsernamePasswordAuthenticationToken.authenticated(
                        new IntrospectionClient(app.clientId(), app.appId()),
                        null,
                        AuthorityUtils.createAuthorityList(IntrospectionClient.AUTHORITY)))
                .orElseThrow(() -> new BadCredentialsException("Unknown client or wrong secret"));
    }
}
