package dev.watchword.query.security;

import dev.watchword.events.access.Permission;
import dev.watchword.query.apikey.ApiKeyAuthenticator;
import dev.watchword.query.apikey.ApiKeyCredentials;
import dev.watchword.query.appscope.TokenApp;
import dev.watchword.query.authorization.AuthorizationVersionValidator;
import dev.watchword.query.problem.ProblemWriter;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The admin API ({@code /api/admin/**}) has a filter chain of its own, ahead of the general bearer chain, so
 * that every rule about it is in this one place:
 * <ul>
 *     <li>the caller is a user with an access token, or an app's backend with one of its API keys
 *     ({@code Bearer wwk_...}), which holds the app admin's permissions but {@code keys:write} (never
 *     {@code apps:write}); an unknown, revoked or expired key is a 401 {@code INVALID_TOKEN} like a refused token;</li>
 *     <li>the token must pass every check of the general chain and also carry the user's current
 *     authorization version ({@link AuthorizationVersionValidator}); a stale one is a 401 {@code INVALID_TOKEN}
 *     with {@code error="invalid_token"}, so SDKs refresh it;</li>
 *     <li>each endpoint needs a permission from the token's {@code permissions} claim, else 403
 *     {@code FORBIDDEN};</li>
 *     <li>anything not listed below is refused (403), so an admin endpoint added without a rule is closed.</li>
 * </ul>
 * Which app's data a caller sees (its {@code AdminScope}: every app for {@code apps:write}, else its own) is
 * derived from the authentication made here and handed to the controllers, which cannot get it any other way.
 * Only reads are served here, and the replays; the gateway sends every other method under
 * {@code /api/admin/**} to command-service.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

    static final String ADMIN_PATHS = "/api/admin/**";

    @Bean
    @Order(0)
    SecurityFilterChain adminFilterChain(
            HttpSecurity http,
            JwtDecoder accessTokens,
            AuthorizationVersionValidator currentAuthorization,
            JwtAuthenticationConverter permissions,
            ApiKeyAuthenticator apiKeys,
            ProblemAuthenticationEntryPoint unauthorized,
            ProblemAccessDeniedHandler forbidden,
            AllowedOrigins origins,
            ProblemWriter problems)
            throws Exception {
        AuthenticationManager authentication =
                adminAuthentication(withCurrentAuthorization(accessTokens, currentAuthorization), permissions, apiKeys);
        return http.securityMatcher(ADMIN_PATHS)
                // Admin consoles of client apps may call from their own origins, as they do command-service.
                .cors(Customizer.withDefaults())
                .addFilterAfter(new AppOriginFilter(origins, problems), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        // Point-in-time answers from the log are audit data; ahead of users/** so that
                        // users:read alone does not open them.
                        .requestMatchers(
                                HttpMethod.GET, "/api/admin/users/*/as-of", "/api/admin/users/*/roles/*/history")
                        .hasAuthority(Permission.AUDIT_READ.value())
                        .requestMatchers(HttpMethod.GET, "/api/admin/users", "/api/admin/users/**")
                        .hasAuthority(Permission.USERS_READ.value())
                        // Activity figures are audit data: who may read the audit trail may read these.
                        .requestMatchers(HttpMethod.GET, "/api/admin/activity/**")
                        .hasAuthority(Permission.AUDIT_READ.value())
                        // The audit trail and its export; exact paths, like the apps below.
                        .requestMatchers(HttpMethod.GET, "/api/admin/audit", "/api/admin/audit/export")
                        .hasAuthority(Permission.AUDIT_READ.value())
                        // The platform operator (apps:write) sees every app. Whoever may change an app's settings
                        // or keys must see them first, so the list (its own app only) and the detail are open to
                        // settings:write and keys:write as well. Single-segment patterns, not /**: a sub-resource
                        // added later stays closed until it gets a rule of its own.
                        .requestMatchers(HttpMethod.GET, "/api/admin/apps", "/api/admin/apps/*")
                        .hasAnyAuthority(
                                Permission.APPS_WRITE.value(),
                                Permission.SETTINGS_WRITE.value(),
                                Permission.KEYS_WRITE.value())
                        // An app's roles and their permissions: what an admin assigns (roles:write) and what the
                        // roles of the listed users mean (users:read).
                        .requestMatchers(HttpMethod.GET, "/api/admin/apps/*/roles")
                        .hasAnyAuthority(Permission.ROLES_WRITE.value(), Permission.USERS_READ.value())
                        // Replays rebuild and swap read models: the platform operator's job, every
                        // method. The gateway must route their POST and DELETE here (docs/api.md, "Replays").
                        .requestMatchers("/api/admin/replays", "/api/admin/replays/*", "/api/admin/replays/*/switch")
                        .hasAuthority(Permission.APPS_WRITE.value())
                        .anyRequest()
                        .denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request -> authentication)
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * A bearer credential starting with {@code wwk_} is an API key, anything else an access token; each is checked
     * only as what it claims to be. The bearer-token filter hands every failure to the entry point (401).
     */
    static AuthenticationManager adminAuthentication(
            JwtDecoder accessTokens, JwtAuthenticationConverter permissions, ApiKeyAuthenticator apiKeys) {
        JwtAuthenticationProvider tokens = new JwtAuthenticationProvider(accessTokens);
        tokens.setJwtAuthenticationConverter(permissions);
        return authentication -> {
            BearerTokenAuthenticationToken bearer = (BearerTokenAuthenticationToken) authentication;
            return ApiKeyCredentials.isApiKey(bearer.getToken())
                    ? apiKeys.authenticate(bearer)
                    : tokens.authenticate(bearer);
        };
    }

    /**
     * The general decoder (signature, type, claims, revoked session, disabled account), then the authorization
     * version, then the {@code tenant} claim: absent (the default app) or an app id, as anything else names no app
     * whose data the caller could be scoped to. Not a bean: a second {@code JwtDecoder} bean would replace the
     * general one elsewhere. It shares the general decoder's cached JWK set.
     */
    static JwtDecoder withCurrentAuthorization(JwtDecoder accessTokens, AuthorizationVersionValidator validator) {
        return token -> {
            Jwt jwt = accessTokens.decode(token);
            OAuth2TokenValidatorResult result = validator.validate(jwt);
            if (result.hasErrors()) {
                throw new JwtValidationException("The access token is out of date", result.getErrors());
            }
            if (TokenApp.of(jwt).isEmpty()) {
                throw new JwtValidationException(
                        "The tenant claim names no app",
                        List.of(new OAuth2Error(
                                OAuth2ErrorCodes.INVALID_TOKEN, "The tenant claim must be an app id", null)));
            }
            return jwt;
        };
    }
}
