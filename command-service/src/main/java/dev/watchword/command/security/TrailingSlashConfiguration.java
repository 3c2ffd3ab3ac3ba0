package dev.watchword.command.security;

import dev.watchword.events.links.EmailLinks;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.UrlHandlerFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every path answers with and without its trailing slash: {@code /api/auth/login/}, the form the documentation and
 * the SDK use, and {@code /api/auth/login}. Each mapping names its path once, without the slash, and Spring's
 * {@link UrlHandlerFilter} takes a trailing slash off the request before anything reads its path. It runs ahead of
 * every other filter, so the security filter chain's matchers, {@link RequestSizeLimit}, the rate limits
 * ({@code RateLimitedAction}), the uniform response time and Spring MVC all see the one spelling, and an
 * authorization rule cannot miss the other one (OWASP ASVS 5.0 V8.2.1). Only the server's view of the path
 * changes: a browser still sends the refresh cookie ({@code Path=/api/auth/token/}) to both spellings.
 */
@Configuration(proxyBeanMethods = false)
class TrailingSlashConfiguration {

    /** The paths this service serves: the API, the operator's endpoints, the JWKS and the pages emailed links open. */
    private static final String[] PATHS = {
        "/api/**",
        "/internal/**",
        "/.well-known/**",
        EmailLinks.VERIFY_EMAIL,
        EmailLinks.RESET_PASSWORD,
        EmailLinks.MAGIC_LINK,
        EmailLinks.CONFIRM_EMAIL_CHANGE
    };

    @Bean
    FilterRegistrationBean<UrlHandlerFilter> trailingSlashFilter() {
        FilterRegistrationBean<UrlHandlerFilter> registration = new FilterRegistrationBean<>(
                UrlHandlerFilter.trailingSlashHandler(PATHS).wrapRequest().build());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * The API reference lists both spellings of each path, as the service answers both: the mapped one and the
     * documented one with the slash, whose operations get ids of their own ({@code login_1}), as OpenAPI requires.
     */
    @Bean
    OpenApiCustomizer trailingSlashSpellings() {
        List<PathPattern> trimmed = Stream.of(PATHS)
                .map(path -> path.endsWith("**") ? path : path + "/")
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
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
                PathContainer withSlash = PathContainer.parsePath(path + "/");
                if (!path.endsWith("/") && trimmed.stream().anyMatch(pattern -> pattern.matches(withSlash))) {
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
