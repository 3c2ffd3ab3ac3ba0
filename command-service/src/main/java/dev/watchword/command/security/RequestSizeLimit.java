package dev.watchword.command.security;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies above 16 KiB with 413, and bodies of unknown length with 411, before anything reads them: no request of this API needs more, and a
 * large body must not buy an attacker parsing or hashing work (OWASP ASVS 5.0 V4.1.4 / V2.4.1). It runs right after
 * the trailing slash filter ({@link TrailingSlashConfiguration}; it reads no path itself) and ahead of everything else.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 16 * 1024;

    private final ProblemWriter problems;

    public RequestSizeLimit(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            problems.write(response, ProblemCode.PAYLOAD_TOO_LARGE.problem("The request body is larger than 16 KiB."));
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            // A body without a length could be any size; RFC 9110 section 15.5.12 lets us ask for one.
            problems.write(
                    response, ProblemCode.LENGTH_REQUIRED.problem("Send the request body with a Content-Length."));
            return;
        }
        chain.doFilter(request, response);
    }
}
