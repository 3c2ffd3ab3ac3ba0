package dev.watchword.gateway.headers;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the upstream services who the client is ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host},
 * {@code -Port}). Spring Cloud Gateway's own filters (turned off in {@code application.yml}) pass a client's
 * headers on untouched when the client is not a trusted proxy (CVE-2025-41235 made it opt-in); command-service
 * records client addresses for lockout and audit, so here a client's claims are dropped unless it is a trusted
 * proxy.
 */
@Component
class ForwardedHeadersFilter implements HttpHeadersFilter, Ordered {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    static final String X_FORWARDED_PORT = "X-Forwarded-Port";

    private static final List<String> FORWARDING_HEADERS = List.of(
            X_FORWARDED_FOR, X_FORWARDED_PROTO, X_FORWARDED_HOST, X_FORWARDED_PORT, "X-Forwarded-Prefix", "Forwarded");

    private final ForwardingProperties properties;

    ForwardedHeadersFilter(ForwardingProperties properties) {
        this.properties = properties;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        InetSocketAddress remote = request.getRemoteAddress();
        String remoteAddress = remote != null && remote.getAddress() != null
                ? remote.getAddress().getHostAddress()
                : null;
        boolean trusted = properties.isTrusted(remoteAddress);

        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        String forwardedFor = trusted ? input.getFirst(X_FORWARDED_FOR) : null;
        String forwardedProto = trusted ? input.getFirst(X_FORWARDED_PROTO) : null;
        String forwardedHost = trusted ? input.getFirst(X_FORWARDED_HOST) : null;
        String forwardedPort = trusted ? input.getFirst(X_FORWARDED_PORT) : null;
        FORWARDING_HEADERS.forEach(headers::remove);

        if (remoteAddress != null) {
            headers.set(X_FORWARDED_FOR, forwardedFor == null ? remoteAddress : forwardedFor + ", " + remoteAddress);
        }
        headers.set(
                X_FORWARDED_PROTO,
                forwardedProto != null
                        ? forwardedProto
                        : request.getURI().getScheme().toLowerCase(Locale.ROOT));
        headers.set(X_FORWARDED_HOST, forwardedHost != null ? forwardedHost : hostOf(request));
        headers.set(X_FORWARDED_PORT, forwardedPort != null ? forwardedPort : String.valueOf(portOf(request)));
        return headers;
    }

    private static String hostOf(ServerHttpRequest request) {
        String host = request.getHeaders().getFirst(HttpHeaders.HOST);
        return host != null ? host : request.getURI().getHost() + ":" + portOf(request);
    }

    /** The port the client addressed (its Host header), else the one it connected to. */
    private static int portOf(ServerHttpRequest request) {
        int port = request.getURI().getPort();
        if (port > 0) {
            return port;
        }
        InetSocketAddress local = request.getLocalAddress();
        return local != null ? local.getPort() : -1;
    }

    @Override
    public int getOrder() {
        // Before the hop-by-hop filter, like the gateway's own forwarding filters.
        return 0;
    }
}
