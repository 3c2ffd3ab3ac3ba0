package dev.watchword.query.security;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.HashSet;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.UrlHandlerFilter;

/**
 * Every API path answers with and without its trailing slash: {@code /api/users/me/}, the form the documentation
 * and the SDK use, and {@code /api/users/me}. Each mapping names its path once, without the slash, and Spring's
 * {@link UrlHandlerFilter} takes a trailing slash off the request before anything reads its path. It runs ahead of
 * every other filter, so the security filter chains (their {@code securityMatcher}s and request rules, the CORS
 * and app origin checks) and Spring MVC see the one spelling, and an authorization rule cannot miss the other one
 * (OWASP ASVS 5.0 V8.2.1).
 */
@Configuration(proxyBeanMethods = false)
class TrailingSlashConfiguration {

    /** The API; the health probes and the API reference keep their own paths. */
    private static final String API = "/api/";

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler(API + "**").wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The API reference lists both spellings of each path, as the service answers both: the mapped one and the
     * documented one with the slash, whose operations get ids of their own ({@code me_1}), as OpenAPI requires.
     */
    @Bean
    OpenApiCustomizer trailingSlashSpellings() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            Set<String> operationIds = new HashSet<>();
            openApi.getPaths()
                    .values()
                    .forEach(item -> item.readOperations().stream()
                            .map(Operation::getOperationId)
                            .forEach(operationIds::add));
            Paths both = new Paths();
            both.setExtensions(openApi.getPaths().getExtensions());
            openApi.getPaths().forEach((path, item) -> {
                both.addPathItem(path, item);
                if (path.startsWith(API) && !path.endsWith("/")) {
                    both.addPathItem(path + "/", copyOf(item, operationIds));
                }
            });
            openApi.setPaths(both);
        };
    }

    private static PathItem copyOf(PathItem item, Set<String> operationIds) {
        PathItem copy = Json.mapper().convertValue(item, PathItem.class);
        copy.readOperations().forEach(operation -> {
            String id = operation.getOperationId();
            if (id == null) {
                return;
            }
            int suffix = 1;
            while (!operationIds.add(id + "_" + suffix)) {
                suffix++;
            }
            operation.setOperationId(id + "_" + suffix);
        });
        return copy;
    }
}
