package dev.watchword.command.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses bodies above 16 KiB with 413, and bodies of unknown length with 411, before anything reads them: no request of this API needs more, and a
 * large body must not buy an attacker parsing or hashing work (OWASP ASVS 5.0 V4.1.4 / V2.4.1).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BODY_BYTES = 16 * 1024;

    private static void refuse(HttpServletResponse response, int status, String title, String detail, String code)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (length > MAX_BODY_BYTES) {
            refuse(response, 413, "Payload Too Large", "The request body is larger than 16 KiB.", "PAYLOAD_TOO_LARGE");
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            // A body without a length could be any size; RFC 9110 section 15.5.12 lets us ask for one.
            refuse(response, 411, "Length Required", "Send the request body with a Content-Length.",
                    "LENGTH_REQUIRED");
            return;
        }
        chain.doFilter(request, response);
    }
}
