package dev.watchword.gateway.cors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

/**
 * CORS preflights go to the upstream like any other request. Spring MVC answers a preflight itself, from the
 * handler mapping's CORS configuration, before any route runs; the gateway has none, so every preflight was a 403
 * "Invalid CORS request" and browser apps on their own origin could call nothing. The gateway cannot answer them
 * either: the allowlist is each client app's {@code cors_origins}, known to the services only, which answer
 * preflights with it (and a 403 {@code ORIGIN_NOT_ALLOWED} problem for an origin not listed; OWASP ASVS 5.0 V3.4.2).
 * A route's {@code Method} predicate matches a preflight by the method it announces
 * ({@code Access-Control-Request-Method}), so the preflight reaches the service that will serve the request.
 */
@Configuration(proxyBeanMethods = false)
class PreflightRouting {

    /**
     * The gateway's routes once more, for preflights only and ahead of Spring MVC's own mapping of them (order 3),
     * handing each to its route instead of to the preflight handler. Every other request is left to that mapping.
     */
    @Bean
    RouterFunctionMapping preflightRouterFunctionMapping() {
        RouterFunctionMapping mapping = new RouterFunctionMapping() {

            @Override
            protected Object getHandlerInternal(HttpServletRequest request) throws Exception {
                return CorsUtils.isPreFlightRequest(request) ? super.getHandlerInternal(request) : null;
            }

            @Override
            protected HandlerExecutionChain getCorsHandlerExecutionChain(
                    HttpServletRequest request, HandlerExecutionChain chain, CorsConfiguration config) {
                return chain;
            }
        };
        mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return mapping;
    }
}
