package dev.watchword.query.authorization;

import dev.watchword.accesstoken.AccessTokenRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

@Configuration(proxyBeanMethods = false)
class AuthorizationConfiguration {

    /**
     * Loaded from the table while the context starts, before the token decoders that use it exist and before
     * the web server or the Kafka listener run, so no request is checked against a partial list.
     */
    @Bean
    AuthorizationVersions authorizationVersions(AuthorizationVersionTable table) {
        AuthorizationVersions versions = new AuthorizationVersions();
        table.findAll().forEach(entry -> versions.update(entry.userId(), entry.version(), entry.disabled()));
        return versions;
    }

    /**
     * Each string of the token's {@code permissions} claim becomes an authority of the same name (no prefix),
     * so rules read {@code hasAuthority("users:read")}. The {@code roles} claim grants nothing by itself: the
     * issuer already expanded roles into permissions, and a rule about a role would have to be changed with
     * every new role. Spring Boot hands this bean to every bearer-token filter chain.
     */
    @Bean
    JwtAuthenticationConverter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter permissions = new JwtGrantedAuthoritiesConverter();
        permissions.setAuthoritiesClaimName(AccessTokenRules.PERMISSIONS);
        permissions.setAuthorityPrefix("");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(permissions);
        return converter;
    }
}
