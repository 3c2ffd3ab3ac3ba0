package dev.watchword.query.security;

import dev.watchword.query.problem.ProblemWriter;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration {

    /** The header naming the app, which the SDK sends (command-service's {@code RequestAppResolver.HEADER}). */
    static final String CLIENT_ID_HEADER = "X-Client-Id";

    /**
     * Loaded from the read model while the context starts, before the web server or the Kafka listener run, so no
     * request meets a partial allowlist.
     */
    @Bean
    AllowedOrigins allowedOrigins(
            CorsSettings settings, JdbcClient jdbc, @Value("${watchword.public-url}") String publicUrl) {
        AllowedOrigins origins = new AllowedOrigins(withPublicOrigin(settings.allowedOrigins(), publicUrl));
        AppOriginsRefresher.load(jdbc, origins);
        return origins;
    }

    /**
     * The service-wide origins and Watchword's own public origin, whose pages (the admin dashboard at /admin) serve
     * every app; behind the gateway a request from them reaches this service cross-origin.
     */
    static List<String> withPublicOrigin(List<String> serviceWide, String publicUrl) {
        URI uri = URI.create(publicUrl);
        String publicOrigin = uri.getScheme() + "://" + uri.getRawAuthority();
        return Stream.concat(serviceWide.stream(), Stream.of(publicOrigin))
                .distinct()
                .toList();
    }

    /** Picked up by name by {@code http.cors(...)} in the filter chains. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CorsSettings settings, AllowedOrigins origins) {
        return corsConfiguration(settings, origins);
    }

    /**
     * Picked up by name by {@code http.cors(...)} in the filter chains (Spring Security prefers a bean named
     * {@code corsFilter} to the configuration source), so that a refusal is a problem ({@link ProblemCorsProcessor}).
     */
    @Bean
    CorsFilter corsFilter(CorsConfigurationSource corsConfigurationSource, ProblemWriter problems) {
        CorsFilter filter = new CorsFilter(corsConfigurationSource);
        filter.setCorsProcessor(new ProblemCorsProcessor(problems));
        return filter;
    }

    /** Only inside the security filter chains, not once more ahead of them as every Filter bean would be. */
    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterOutsideTheChains(CorsFilter corsFilter) {
        FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }

    /**
     * The union of the service-wide origins and every app's, as command-service admits: a preflight cannot say
     * which app it is for, so the per-app check waits for the request itself ({@link AppOriginFilter}). No
     * configuration at all when no origin is allowed: preflights are refused and answers carry no
     * {@code Access-Control-*} headers, so browsers keep other origins out. Read at each request, from memory.
     */
    static CorsConfigurationSource corsConfiguration(CorsSettings settings, AllowedOrigins origins) {
        return request -> {
            List<String> allowed = origins.all();
            if (allowed.isEmpty()) {
                return null;
            }
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(allowed);
            cors.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.DELETE.name()));
            cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.AUTHORIZATION, CLIENT_ID_HEADER));
            cors.setAllowCredentials(false);
            cors.setMaxAge(settings.maxAge());
            return cors;
        };
    }
}
