package dev.watchword.command.security;

import dev.watchword.command.apikey.ApiKeyDirectory;
import dev.watchword.command.apikey.AppCredentials;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which kind of bearer credential a request carries: on the admin API an app's API key (recognized by its
 * {@code wwk_} prefix) or an access token; everywhere else an access token only. A key is checked against the
 * in-memory {@link ApiKeyDirectory}, a token by {@link OwnAccessTokenDecoder}: neither reads the database.
 */
public final class AdminAuthentication {

    private static final RequestMatcher ADMIN =
            PathPatternRequestMatcher.withDefaults().matcher("/api/admin/**");
    private static final String BEARER = "Bearer ";

    private AdminAuthentication() {}

    public static AuthenticationManagerResolver<HttpServletRequest> resolver(
            OwnAccessTokenDecoder accessTokens,
            Converter<Jwt, ? extends AbstractAuthenticationToken> converter,
            ApiKeyDirectory keys,
            Clock clock) {
        JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(accessTokens);
        jwt.setJwtAuthenticationConverter(converter);
        AuthenticationManager tokens = jwt::authenticate;
        AuthenticationManager apiKeys = authentication -> {
            String key = ((BearerTokenAuthenticationToken) authentication).getToken();
            return keys.keyOf(key, clock.instant())
                    .map(ApiKeyAuthentication::new)
                    .orElseThrow(() -> new InvalidBearerTokenException("Unknown or revoked API key"));
        };
        return request -> ADMIN.matches(request) && carriesApiKey(request) ? apiKeys : tokens;
    }

    private static boolean carriesApiKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null
                && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && header.startsWith(AppCredentials.KEY_PREFIX, BEARER.length());
    }
}
