package dev.watchword.gateway.headers;

import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Tells the upstream services who the client is ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host},
 * {@code -Port}). Spring Cloud Gateway's own filter passes a client's headers on untouched when the client is not
 * a trusted proxy (CVE-2025-41235 made it opt-in); command-service records client addresses for lockout and
 * audit, so here a client's claims are dropped unless it is a trusted proxy.
 */
@Component
class ForwardedHeadersFilter implements RequestHttpHeadersFilter, Ordered {

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
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
        var servletRequest = request.servletRequest();
        String remoteAddress = servletRequest.getRemoteAddr();
        boolean trusted = properties.isTrusted(remoteAddress);

        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        String forwardedFor = trusted ? input.getFirst(X_FORWARDED_FOR) : null;
        String forwardedProto = trusted ? input.getFirst(X_FORWARDED_PROTO) : null;
        String forwardedHost = trusted ? input.getFirst(X_FORWARDED_HOST) : null;
        String forwardedPort = trusted ? input.getFirst(X_FORWARDED_PORT) : null;
        FORWARDING_HEADERS.forEach(headers::remove);

        headers.set(X_FORWARDED_FOR, forwardedFor == null ? remoteAddress : forwardedFor + ", " + remoteAddress);
        headers.set(
                X_FORWARDED_PROTO,
                forwardedProto != null
                        ? forwardedProto
                        : servletRequest.getScheme().toLowerCase(Locale.ROOT));
        headers.set(X_FORWARDED_HOST, forwardedHost != null ? forwardedHost : hostOf(servletRequest));
        headers.set(
                X_FORWARDED_PORT,
                forwardedPort != null ? forwardedPort : String.valueOf(servletRequest.getServerPort()));
        return headers;
    }

    private static String hostOf(jakarta.servlet.http.HttpServletRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        return host != null ? host : request.getServerName() + ":" + request.getServerPort();
    }

    @Override
    public int getOrder() {
        // After the hop-by-hop filter, like the gateway's own forwarding filters.
        return 0;
    }
}
