package dev.watchword.gateway.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * The same RFC 9457 answers for what the servlet layer serves (health probes, the dashboard): the framework's own
 * rejections keep their status and lose their text, anything else is a 500 without internals.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception ex, WebRequest request) {
        HttpStatus status = ex instanceof ErrorResponse framework
                ? HttpStatus.resolve(framework.getStatusCode().value())
                : null;
        if (status == null) {
            log.error("Unexpected failure on {}", request.getDescription(false), ex);
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String path = request instanceof ServletWebRequest servlet
                ? servlet.getRequest().getRequestURI()
                : null;
        return ResponseEntity.status(status).body(Problems.of(status, path));
    }
}
