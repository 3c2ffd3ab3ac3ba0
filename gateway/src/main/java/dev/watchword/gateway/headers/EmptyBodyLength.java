package dev.watchword.gateway.headers;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Forwards a request that came without a body (neither {@code Content-Length} nor {@code Transfer-Encoding}, such as a
 * browser's CORS preflight) with {@code Content-Length: 0}. HTTP/1.1 defines such a request's body as empty (RFC 9112
 * section 6.3), but the proxy's client would otherwise send it chunked, and the services refuse chunked bodies (they
 * cap a body's size before reading it) with 411.
 */
@Component
class EmptyBodyLength implements HttpHeadersFilter {

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        if (input.containsKey(HttpHeaders.CONTENT_LENGTH) || input.containsKey(HttpHeaders.TRANSFER_ENCODING)) {
            return input;
        }
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.putAll(input);
        forwarded.setContentLength(0);
        return forwarded;
    }
}
