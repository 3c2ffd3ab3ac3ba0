package dev.watchword.command.security;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Spring's CORS decisions, with a refusal written as the RFC 9457 problem every other refusal is (403
 * {@code ORIGIN_NOT_ALLOWED}, as {@code OriginNotAllowed}) instead of the plain text "Invalid CORS request": an
 * origin that neither the service-wide list nor any app lists, or a method or header the allowlist does not cover
 * (OWASP ASVS 5.0 V3.4.2).
 */
class ProblemCorsProcessor extends DefaultCorsProcessor {

    private static final byte[] ORIGIN_NOT_ALLOWED = ("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"This web origin may not call this API, or not with this method or these headers.\","
            + "\"code\":\"ORIGIN_NOT_ALLOWED\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(ORIGIN_NOT_ALLOWED);
        response.flush();
    }
}
