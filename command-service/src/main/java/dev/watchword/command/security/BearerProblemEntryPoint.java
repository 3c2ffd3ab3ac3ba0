package dev.watchword.command.security;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A missing or bad bearer token: 401 problem with code {@code INVALID_TOKEN} and {@code WWW-Authenticate:
 * Bearer} (RFC 6750 section 3), never a hint at which check failed.
 */
public class BearerProblemEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    public BearerProblemEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenSent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(response, ProblemCode.INVALID_TOKEN.problem("The access token is missing, invalid or expired."));
    }
}
