package dev.watchword.gateway.proxy;

import dev.watchword.gateway.headers.SecurityHeaders;
import dev.watchword.gateway.problem.ProblemResponses;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.springframework.http.HttpStatus;

/**
 * Jetty's own rejections, before any handler runs (a malformed request line, an ambiguous path such as an encoded
 * {@code ..} or {@code /}, headers too large), as the gateway's RFC 9457 problems instead of Jetty's HTML page, and
 * without the reason Jetty gives.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private final ProblemResponses problems;

    ProblemErrorHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        HttpStatus status =
                request.getAttribute(ERROR_STATUS) instanceof Integer code ? HttpStatus.resolve(code) : null;
        SecurityHeaders.put(response.getHeaders());
        problems.write(request, response, callback, status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR);
        return true;
    }
}
