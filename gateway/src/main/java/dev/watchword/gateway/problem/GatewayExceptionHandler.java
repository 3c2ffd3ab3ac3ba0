package dev.watchword.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns every failure of the gateway into {@code application/problem+json} without internals: no route (404),
 * an upstream that refuses or drops the connection (503) or does not answer in time (504), the framework's own
 * rejections with their status, anything else a 500. Ahead of Spring Boot's default handler (order -1).
 */
@Component
@Order(-2)
class GatewayExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    private final ObjectMapper json;

    GatewayExceptionHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            // The upstream's answer has started; nothing can be said any more but closing the connection.
            return Mono.error(ex);
        }
        HttpStatus status = statusFor(ex, exchange);
        byte[] body;
        try {
            body = json.writeValueAsBytes(
                    Problems.of(status, exchange.getRequest().getPath().value()));
        } catch (JsonProcessingException serialization) {
            return Mono.error(serialization);
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static HttpStatus statusFor(Throwable ex, ServerWebExchange exchange) {
        if (isUpstreamFailure(ex)) {
            HttpStatus status = isTimeout(ex) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
            log.warn(
                    "Upstream for {} {} failed: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    rootMessage(ex));
            return status;
        }
        if (ex instanceof ErrorResponse framework) {
            // The framework's own rejections (no route, 405, 415, bad request...): keep their status, drop their
            // text. The gateway's response timeout arrives here as a 504.
            HttpStatus status = HttpStatus.resolve(framework.getStatusCode().value());
            return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        log.error(
                "Unexpected failure on {} {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(),
                ex);
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** Refused, timed out while connecting, or closed under the request: the upstream is down or going down. */
    private static boolean isUpstreamFailure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                // The upstream did not even accept the connection: it is down, not slow.
                return false;
            }
            if (t instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
