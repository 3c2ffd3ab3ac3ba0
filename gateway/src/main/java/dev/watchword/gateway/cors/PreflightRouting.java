package dev.watchword.gateway.cors;

import java.util.Optional;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;
import reactor.core.publisher.Mono;

/**
 * CORS preflights go to the upstream like any other request. Spring's handler mappings answer a preflight
 * themselves, from their CORS configuration, and the dispatcher never runs a preflight's handler; the gateway has no
 * CORS configuration, so every preflight would be answered without the headers a browser needs, and browser apps on their own origin could call nothing. The
 * gateway cannot answer them either: the allowlist is each client app's {@code cors_origins}, known to the services
 * only, which answer preflights with it (and a 403 {@code ORIGIN_NOT_ALLOWED} problem for an origin not listed;
 * OWASP ASVS 5.0 V3.4.2). A route's {@code Method} predicate matches a preflight by the method it announces
 * ({@code Access-Control-Request-Method}), so the preflight reaches the service that will serve the request.
 */
@Configuration(proxyBeanMethods = false)
class PreflightRouting {

    /**
     * The gateway's routes once more, for preflights only and ahead of Spring's dispatcher, which would only look a
     * preflight's handler up (answering 403 when none) and never run it. A preflight with a route is handed to that
     * route; every other request, and a preflight no route takes, goes on as usual.
     */
    @Bean
    WebFilter preflightRoutingFilter(
            FilteringWebHandler webHandler,
            RouteLocator routeLocator,
            GlobalCorsProperties cors,
            Environment environment) {
        return new PreflightRoutingFilter(new AnnouncedMethodRoutes(webHandler, routeLocator, cors, environment));
    }

    private record PreflightRoutingFilter(AnnouncedMethodRoutes routes) implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            if (!CorsUtils.isPreFlightRequest(exchange.getRequest())) {
                return chain.filter(exchange);
            }
            return routes.lookup(exchange)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(route -> route.isPresent() ? route.get().handle(exchange) : chain.filter(exchange));
        }

        @Override
        public int getOrder() {
            // Right after the security headers, so that the upstream's answer carries them too.
            return Ordered.HIGHEST_PRECEDENCE + 1;
        }
    }

    /** Not a bean: the gateway's own mapping stays as it is; this instance only looks routes up. */
    private static final class AnnouncedMethodRoutes extends RoutePredicateHandlerMapping {

        AnnouncedMethodRoutes(
                FilteringWebHandler webHandler,
                RouteLocator routeLocator,
                GlobalCorsProperties cors,
                Environment environment) {
            super(webHandler, routeLocator, cors, environment);
        }

        /**
         * The route the announced request would take. The lookup sees the announced method; the route it picks is
         * kept in the exchange's attributes, which the preflight shares, so the preflight itself (OPTIONS, headers
         * unchanged) is what reaches the upstream.
         */
        Mono<WebHandler> lookup(ServerWebExchange exchange) {
            HttpMethod announced = HttpMethod.valueOf(
                    exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD));
            ServerWebExchange asAnnounced = exchange.mutate()
                    .request(request -> request.method(announced))
                    .build();
            return getHandlerInternal(asAnnounced).cast(WebHandler.class);
        }
    }
}
