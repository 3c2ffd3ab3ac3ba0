package dev.watchword.query.security;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.ProblemWriter;
import dev.watchword.query.problem.Problems;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Every endpoint but the health probes needs a valid access token. Stateless: no HTTP session and no cookies,
 * so there is nothing for CSRF to ride on.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ProblemAuthenticationEntryPoint unauthorized,
            ProblemAccessDeniedHandler forbidden,
            AllowedOrigins origins,
            ProblemWriter problems)
            throws Exception {
        return http
                // Browsers of client apps call /api/users/me and /api/auth/sessions: the bean
                // corsConfigurationSource, then the caller's own app's origins.
                .cors(Customizer.withDefaults())
                .addFilterAfter(new AppOriginFilter(origins, problems), BearerTokenAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // The API reference is public documentation, like the JWKS.
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // Lets ProblemErrorController answer errors that already passed the checks below.
                        .dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
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

    /**
     * Requests refused by Spring Security's firewall (e.g. {@code ;} or encoded slashes in the path) are
     * malformed: 400 as a problem rather than the 500 the servlet container would make of the exception.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(
                response,
                Problems.of(HttpStatus.BAD_REQUEST, ProblemCode.MALFORMED_REQUEST, "The request is malformed."));
    }
}
