package dev.watchword.query.introspection;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.ProblemWriter;
import dev.watchword.query.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 for missing or wrong client credentials at the introspection endpoint (RFC 7662 section 2.3, RFC 6749
 * section 5.2 {@code invalid_client}), with the Basic challenge of RFC 7617 section 2, whose {@code realm} is
 * required. One answer for an unknown client and a wrong secret.
 */
@Component
class ClientAuthenticationEntryPoint implements AuthenticationEntryPoint {

    static final String CHALLENGE = "Basic realm=\"watchword\", charset=\"UTF-8\"";

    private static final Logger log = LoggerFactory.getLogger(ClientAuthenticationEntryPoint.class);

    private final ProblemWriter problems;

    ClientAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        log.debug("Refused client at {} {}: {}", request.getMethod(), request.getRequestURI(), failure.getMessage());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        problems.write(
                response,
                Problems.of(HttpStatus.UNAUTHORIZED, ProblemCode.INVALID_CLIENT, "Client authentication is required."));
    }
}
