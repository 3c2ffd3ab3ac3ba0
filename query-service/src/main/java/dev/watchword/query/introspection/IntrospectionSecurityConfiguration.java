package dev.watchword.query.introspection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The introspection endpoint is called by client apps with their own credentials (HTTP Basic, RFC 7662
 * section 2.1), not by users with access tokens, so it has a filter chain of its own, ahead of the bearer
 * chain that covers everything else. A bearer token sent here authenticates nothing.
 * <p>
 * The configured clients are tried first; then a client app's backend, by its client id and one of its API keys.
 */
@Configuration(proxyBeanMethods = false)
class IntrospectionSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain introspectionFilterChain(
            HttpSecurity http,
            IntrospectionClients clients,
            AppIntrospectionClients apps,
            ClientAuthenticationEntryPoint unauthorized)
            throws Exception {
        AuthenticationManager configuredThenApps = basic -> {
            try {
                return clients.authenticate(basic);
            } catch (BadCredentialsException notConfigured) {
                return apps.authenticate(basic);
            }
        };
        return http.securityMatcher(TokenIntrospectionController.PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(IntrospectionClient.AUTHORITY))
                .authenticationManager(configuredThenApps)
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized))
                // Stateless and cookie-less: credentials come with every request, so CSRF has nothing to ride on.
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // Neither an anonymous caller nor the servlet API's view of the caller is used here (no controller
                // behind this chain takes a Principal): a request without credentials is refused by the rules above
                // as before, with two filters and a request wrapper less.
                .anonymous(AbstractHttpConfigurer::disable)
                .servletApi(AbstractHttpConfigurer::disable)
                .csrf(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }
}
