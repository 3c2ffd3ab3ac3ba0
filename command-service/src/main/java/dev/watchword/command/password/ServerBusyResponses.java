package dev.watchword.command.password;

import dev.watchword.command.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * {@link ServerBusy} as RFC 9457 problem+json, like every {@code RuleViolation} in {@link ProblemResponses}, plus the
 * {@code Retry-After} header a 503 should carry (RFC 9110 section 10.2.3). Ordered first, so it wins over the
 * general handler of rule violations.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ServerBusyResponses {

    @ExceptionHandler(ServerBusy.class)
    ResponseEntity<ProblemDetail> busy(ServerBusy busy) {
        ProblemDetail problem = busy.code().problem(busy.getMessage());
        return ResponseEntity.status(busy.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()))
                .body(problem);
    }
}
