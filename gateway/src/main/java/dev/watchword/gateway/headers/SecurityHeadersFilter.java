package dev.watchword.gateway.headers;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the same security headers on every response, proxied or not, problem answers included. They are set again
 * just before the response is committed, so an upstream's own values for these headers are replaced rather than
 * added, and a client never sees one header twice with different values.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeadersFilter implements WebFilter {

    /** Two years, with subdomains: the HSTS preload list's minimum. Browsers ignore it over plain HTTP. */
    static final Map<String, String> HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        HEADERS.forEach(headers::set);
        exchange.getResponse().beforeCommit(() -> {
            HEADERS.forEach(exchange.getResponse().getHeaders()::set);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
