package dev.watchword.command.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.ProblemWriter;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.user.EmailAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link RateLimiter} to the POSTs of {@link RateLimitedAction}, keyed by client address and by what the
 * request names ({@link RateLimitedAction.Subject}): the {@code email} field of the JSON body, the account behind
 * its {@code request_id}, or the authenticated caller. Over a limit the answer is 429 {@code RATE_LIMITED} with
 * {@code Retry-After} (RFC 9110 section 10.2.3, RFC 6585 section 4), the same for every address, and the request
 * goes no further: nothing is looked up, hashed, stored or sent.
 * <p>
 * Runs inside Spring Security's chain position (after it), so a 429 carries the same security and CORS headers as
 * any answer, and after RequestSizeLimit, so the body it buffers is at most 16 KiB.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final RateLimiter limiter;
    private final ObjectMapper json;
    private final ProblemWriter problems;
    private final Function<String, Optional<String>> ownerOfOtpRequest;

    /** @param ownerOfOtpRequest the user a sign-in code's request id was issued for, if it is one of ours */
    public RateLimitFilter(
            RateLimiter limiter,
            ObjectMapper json,
            ProblemWriter problems,
            Function<String, Optional<String>> ownerOfOtpRequest) {
        this.limiter = limiter;
        this.json = json;
        this.problems = problems;
        this.ownerOfOtpRequest = ownerOfOtpRequest;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.POST.matches(request.getMethod())
                || actionOf(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RateLimitedAction action = actionOf(request).orElseThrow();
        // Only a JSON body that names someone is read up front; any other (the form of RFC 7009 revocation) is left
        // to the servlet container, whose form parameters come from the original stream.
        boolean bodyNamesSubject = action.subject() == RateLimitedAction.Subject.EMAIL
                || action.subject() == RateLimitedAction.Subject.OTP_REQUEST_OWNER;
        CachedBodyRequest cached = bodyNamesSubject ? CachedBodyRequest.of(request, MAX_BODY_BYTES) : null;
        HttpServletRequest forwarded = cached != null ? cached : request;
        Optional<Duration> wait;
        try {
            wait = limiter.consume(
                    action, ClientAddress.of(request), subjectOf(action, cached != null ? cached.body() : new byte[0]));
        } catch (RateLimitStoreUnavailable closed) {
            problems.write(response, ProblemCode.SERVICE_UNAVAILABLE.problem("Please try again shortly."));
            return;
        }
        if (wait.isPresent()) {
            // Whole seconds, rounded up, at least 1: a client that waits as told gets a token.
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            problems.write(
                    response, ProblemCode.RATE_LIMITED.problem("Too many attempts. Please wait before trying again."));
            return;
        }
        chain.doFilter(forwarded, response);
    }

    /** The servlet path is decoded and normalized by Tomcat, the same path Spring MVC matches its mappings on. */
    private static Optional<RateLimitedAction> actionOf(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return RateLimitedAction.ofPath(path);
    }

    private Optional<String> subjectOf(RateLimitedAction action, byte[] body) {
        return switch (action.subject()) {
            case EMAIL -> textIn(body, "email").flatMap(EmailAddress::normalize);
            // A request id that is none of ours (a decoy, a made-up one) gets a bucket of its own, as big as an
            // account's, so that the answer does not tell them apart.
            case OTP_REQUEST_OWNER ->
                textIn(body, "request_id")
                        .map(requestId -> ownerOfOtpRequest
                                .apply(requestId)
                                .map(userId -> "user:" + userId)
                                .orElse("request:" + requestId));
            case CALLER -> caller();
            case NONE -> Optional.empty();
        };
    }

    /** A text field of a JSON object body; empty for anything else (the controller will say why). */
    private Optional<String> textIn(byte[] body, String field) {
        try {
            JsonNode root = json.readTree(body);
            JsonNode value = root == null ? null : root.path(field);
            return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** The access token's subject; Spring Security's chain, which runs first, has checked the token. */
    private static Optional<String> caller() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                ? Optional.ofNullable(token.getToken().getSubject()).map(userId -> "user:" + userId)
                : Optional.empty();
    }
}
