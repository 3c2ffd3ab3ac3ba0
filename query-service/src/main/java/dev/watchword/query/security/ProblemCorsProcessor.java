package dev.watchword.query.security;

import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.ProblemWriter;
import dev.watchword.query.problem.Problems;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS decisions, with a refusal written as the RFC 9457 problem every other refusal is (403
 * {@code ORIGIN_NOT_ALLOWED}) instead of the plain text "Invalid CORS request": an origin no app lists, or a method
 * or header the allowlist does not cover (OWASP ASVS 5.0 V3.4.2). Browsers never show a refused preflight's body to
 * the page; a developer reading it in the network panel learns the rule, not which apps exist.
 */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    private final ProblemWriter problems;

    ProblemCorsProcessor(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        if (!(response instanceof ServletServerHttpResponse servlet)) {
            super.rejectRequest(response);
            return;
        }
        // Straight to the servlet response: flushing the wrapper would commit it with status 200 first.
        problems.write(
                servlet.getServletResponse(),
                Problems.of(
                        HttpStatus.FORBIDDEN,
                        ProblemCode.ORIGIN_NOT_ALLOWED,
                        "This web origin may not call this API, or not with this method or these headers."));
    }
}
