package dev.watchword.command.security;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.ProblemWriter;
import java.io.IOException;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * Spring's CORS decisions, with a refusal written as the RFC 9457 problem every other refusal is (403
 * {@code ORIGIN_NOT_ALLOWED}, as {@code OriginNotAllowed}) instead of the plain text "Invalid CORS request": an
 * origin that neither the service-wide list nor any app lists, or a method or header the allowlist does not cover
 * (OWASP ASVS 5.0 V3.4.2).
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
        problems.write(
                servlet.getServletResponse(),
                ProblemCode.ORIGIN_NOT_ALLOWED.problem(
                        "This web origin may not call this API, or not with this method or these headers."));
    }
}
