package dev.watchword.gateway.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of the gateway into {@code application/problem+json}; the route handlers are functional
 * endpoints, which global {@code @ExceptionHandler}s cover as well.
 */
@RestControllerAdvice
class GatewayExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, request);
    }

    @ExceptionHandler({ResourceAccessException.class, UncheckedIOException.class, ConnectException.class})
    ResponseEntity<ProblemDetail> upstreamUnreachable(Exception ex, HttpServletRequest request) {
        HttpStatus status = isTimeout(ex) ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.SERVICE_UNAVAILABLE;
        log.warn("Upstream for {} {} failed: {}", request.getMethod(), request.getRequestURI(), rootMessage(ex));
        return problem(status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
        if (ex instanceof ErrorResponse framework) {
            // Spring MVC's own rejections (405, 415, bad request line...): keep their status, drop their text.
            HttpStatus status = HttpStatus.resolve(framework.getStatusCode().value());
            return problem(status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR, request);
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, HttpServletRequest request) {
        return Problems.of(status, Problems.detailFor(status), request.getRequestURI());
    }

    private static boolean isTimeout(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                // The upstream did not even accept the connection: it is down, not slow.
                return false;
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
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
