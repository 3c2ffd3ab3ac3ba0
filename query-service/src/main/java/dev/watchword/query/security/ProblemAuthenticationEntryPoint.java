package dev.watchword.query.security;

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
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

/**
 * 401 for a missing or refused access token, as one problem with code {@code INVALID_TOKEN} whatever the
 * reason, so the answer does not help craft a token (the reason is logged at debug level).
 * {@code WWW-Authenticate} follows RFC 6750 section 3: {@code error="invalid_token"} only when a token was
 * sent.
 */
@Component
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationEntryPoint.class);

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // A refused bearer token raises OAuth2AuthenticationException; no token at all raises another kind.
        boolean tokenSent = failure instanceof OAuth2AuthenticationException;
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), failure.getMessage());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        problems.write(
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        ProblemCode.INVALID_TOKEN,
                        tokenSent
                                ? "The access token is invalid, expired or revoked."
                                : "An access token is required."));
    }
}
