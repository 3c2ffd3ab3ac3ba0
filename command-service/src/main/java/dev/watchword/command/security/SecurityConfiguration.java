package dev.watchword.command.security;

import dev.watchword.accesstoken.AccessTokenRules;
import dev.watchword.command.apikey.ApiKeyDirectory;
import dev.watchword.command.appdirectory.AppDirectory;
import dev.watchword.command.appdirectory.PublicOrigin;
import dev.watchword.command.appdirectory.RequestAppResolver;
import dev.watchword.command.problem.ProblemWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The command side's public endpoints authenticate by what they carry (password, refresh token, link token),
 * not by a session: no cookies, so no CSRF surface; stateless. Headers per OWASP ASVS 5.0 V3.4: HSTS,
 * nosniff, no referrer, no framing; Spring Security's default {@code Cache-Control: no-store} covers every
 * token response (RFC 6749 section 5.1) and every other answer (ASVS V14.3.2). CORS only for the origins of
 * {@link CorsSettings} (ASVS V3.4.2). Tokens travel in bodies and the Authorization header, except the refresh token
 * of cookie mode ({@link RefreshCookie}), whose CSRF defence is its custom header and {@code SameSite=Strict}; so
 * Spring's session CSRF tokens have nothing to guard.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(CorsSettings.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            OwnAccessTokenDecoder accessTokens,
            ApiKeyDirectory apiKeys,
            AppDirectory appDirectory,
            CorsSettings cors,
            Clock clock,
            PublicOrigin publicOrigin,
            ProblemWriter problems)
            throws Exception {
        BearerProblemEntryPoint invalidToken = new BearerProblemEntryPoint(problems);
        return http.addFilter(corsFilter(
                        corsConfiguration(
                                cors,
                                () -> Stream.concat(appDirectory.allCorsOrigins(), Stream.of(publicOrigin.value()))),
                        problems))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> {})
                .authorizeHttpRequests(a -> a.requestMatchers(BearerEndpoints.MATCHER)
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(rs -> rs.bearerTokenResolver(BearerEndpoints.resolver())
                        .authenticationEntryPoint(invalidToken)
                        .authenticationManagerResolver(
                                AdminAuthentication.resolver(accessTokens, permissionsAsAuthorities(), apiKeys, clock)))
                .exceptionHandling(e -> e.authenticationEntryPoint(invalidToken))
                .headers(h -> h.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                                .maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                                .requestMatcher(r -> true))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .build();
    }

    /** CORS refusals as problems ({@link ProblemCorsProcessor}), not Spring's plain text. */
    static CorsFilter corsFilter(CorsConfigurationSource source, ProblemWriter problems) {
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    static CorsConfigurationSource corsConfiguration(CorsSettings settings) {
        return corsConfiguration(settings, () -> settings.allowedOrigins().stream());
    }

    /**
     * The allowlist is the service-wide one plus every app's own origins, read at each request so that an
     * app's settings change applies at once; a preflight cannot say which app it is for, so the per-app check
     * happens when the request itself names its app ({@code RequestAppResolver}). No configuration at all when no
     * origin is allowed: preflights are refused and answers carry no {@code Access-Control-*} headers, so
     * browsers keep other origins out.
     */
    static CorsConfigurationSource corsConfiguration(CorsSettings settings, Supplier<Stream<String>> origins) {
        return request -> {
            List<String> allowed = origins.get().distinct().toList();
            if (allowed.isEmpty()) {
                return null;
            }
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(allowed);
            cors.setAllowedMethods(List.of(
                    HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(), HttpMethod.DELETE.name()));
            cors.setAllowedHeaders(List.of(
                    HttpHeaders.CONTENT_TYPE,
                    HttpHeaders.AUTHORIZATION,
                    RequestAppResolver.HEADER,
                    RefreshCookie.HEADER));
            cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
            // Credentials (the refresh cookie of cookie mode) only where that cookie is set, read or cleared, and
            // only for the listed origins, never "*" (OWASP ASVS 5.0 V3.4.2).
            cors.setAllowCredentials(request.getRequestURI().startsWith("/api/auth/"));
            cors.setMaxAge(settings.maxAge());
            return cors;
        };
    }

    /** The token's {@code permissions} become the authorities that method security checks. */
    private static JwtAuthenticationConverter permissionsAsAuthorities() {
        JwtGrantedAuthoritiesConverter permissions = new JwtGrantedAuthoritiesConverter();
        permissions.setAuthoritiesClaimName(AccessTokenRules.PERMISSIONS);
        permissions.setAuthorityPrefix("");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(permissions);
        return converter;
    }
}
