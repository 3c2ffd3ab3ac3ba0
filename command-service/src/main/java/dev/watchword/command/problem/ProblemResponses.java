package dev.watchword.command.problem;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error is RFC 9457 {@code application/problem+json} with a stable {@code code} extension, and never a
 * stack trace, SQL or class name (OWASP ASVS 5.0 V16.5.1).
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /** The generic code of a status ({@link ProblemCode#ofStatus}); {@code HTTP_<status>} for a status without one. */
    public static String codeFor(int status) {
        return ProblemCode.ofStatus(status).map(ProblemCode::name).orElse("HTTP_" + status);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation violation) {
        ProblemDetail problem = violation.code().problem(violation.getMessage());
        ResponseEntity.BodyBuilder response = ResponseEntity.status(violation.status());
        if (violation.status() == HttpStatus.UNAUTHORIZED) {
            // RFC 9110 section 15.5.2: every 401 names a challenge; RFC 6750 section 3 says which token failed.
            response.header(
                    HttpHeaders.WWW_AUTHENTICATE,
                    violation.is(ProblemCode.INVALID_TOKEN)
                            ? "Bearer realm=\"watchword\", error=\"invalid_token\""
                            : "Bearer realm=\"watchword\"");
        }
        return response.body(problem);
    }

    /** Method security refused: the token lacks the permission. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        ProblemDetail problem = ProblemCode.FORBIDDEN.problem("You do not have the permission this needs.");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error", e);
        ProblemDetail problem = ProblemCode.INTERNAL_ERROR.problem(
                "Something went wrong on our side. Nothing was changed; please try again.");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemCode.VALIDATION_FAILED.problem("The request has missing or invalid fields.");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "code", String.valueOf(e.getCode())))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Adds the stable code to the problems Spring MVC builds itself (415, 405, unreadable JSON, ...). */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
                problem.setProperty("code", codeFor(statusCode.value()));
            }
            if (statusCode.value() == 400
                    && problem.getDetail() != null
                    && problem.getDetail().startsWith("Failed to read request")) {
                // Spring's text may name classes of ours; say what is wrong in the client's terms instead.
                problem.setDetail("The request body is not valid JSON of the expected shape.");
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
