package dev.watchword.query.security;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.ProblemWriter;
import dev.watchword.query.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 403 as a problem; RFC 6750 section 3.1 names the error {@code insufficient_scope}. */
@Component
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemAccessDeniedHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        problems.write(
                response,
                Problems.of(HttpStatus.FORBIDDEN, ProblemCode.FORBIDDEN, "This token does not allow this request."));
    }
}
