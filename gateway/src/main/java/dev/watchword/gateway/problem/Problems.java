package dev.watchword.gateway.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 answers of the gateway itself. The {@code code} is the HTTP status name ({@code NOT_FOUND},
 * {@code SERVICE_UNAVAILABLE}): the gateway knows no business rule, only whether a path has a route and whether
 * its upstream answered.
 */
final class Problems {

    private Problems() {}

    static ProblemDetail of(HttpStatus status, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detailFor(status));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", status.name());
        if (path != null) {
            problem.setInstance(URI.create(path.replace(" ", "%20")));
        }
        return problem;
    }

    static String detailFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "No resource at this path.";
            case SERVICE_UNAVAILABLE -> "The service behind this path is unavailable; try again shortly.";
            case GATEWAY_TIMEOUT -> "The service behind this path did not answer in time.";
            default ->
                status.is5xxServerError()
                        ? "The gateway could not handle the request."
                        : "The request could not be handled.";
        };
    }
}
