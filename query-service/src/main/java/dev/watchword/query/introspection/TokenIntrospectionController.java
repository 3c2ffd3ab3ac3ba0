package dev.watchword.query.introspection;

import dev.watchword.query.appscope.TokenApp;
import dev.watchword.query.problem.ProblemCode;
import dev.watchword.query.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth 2.0 Token Introspection (RFC 7662): lets a client app that holds a Watchword access token ask
 * whether it is still good, without verifying JWTs or following revocations itself.
 * <p>
 * A token is active exactly when {@code GET /api/users/me} would accept it: the same decoder runs the same
 * checks (ES256 signature from the JWK set, {@code typ at+jwt}, {@code exp}/{@code nbf}, {@code iss},
 * {@code aud}, {@code sub}, session not revoked), all in memory. Refresh tokens are opaque to this service
 * (only command-service holds their hashes), so they are inactive here, as is anything else this service did
 * not issue: RFC 7662 section 2.2 leaves "active" to the server's judgement of what it can vouch for.
 * <p>
 * A client app's backend (authenticated by its API key) sees only its own app's tokens active: a token of another
 * app is {@code {"active": false}}, as section 2.2 allows for a token the caller may not learn about, so app B
 * can neither accept app A's tokens by mistake nor probe them.
 */
@RestController
class TokenIntrospectionController {

    static final String PATH = "/api/auth/token/introspect";

    private static final Logger log = LoggerFactory.getLogger(TokenIntrospectionController.class);

    private final JwtDecoder accessTokens;

    TokenIntrospectionController(JwtDecoder accessTokens) {
        this.accessTokens = accessTokens;
    }

    /**
     * RFC 7662 section 2.1: a form-encoded POST with {@code token} and an optional {@code token_type_hint},
     * which only saves a search and which this service, knowing one kind of token, ignores.
     */
    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<TokenIntrospection> introspect(
            @AuthenticationPrincipal IntrospectionClient client,
            @RequestParam("token") String token,
            @RequestParam(name = "token_type_hint", required = false) String tokenTypeHint,
            HttpServletRequest request) {
        if (client == null) {
            // Only the introspection filter chain authenticates an IntrospectionClient; never answer anyone else.
            throw new ErrorResponseException(
                    HttpStatus.UNAUTHORIZED,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED, ProblemCode.INVALID_CLIENT, "Client authentication is required."),
                    null);
        }
        if (request.getQueryString() != null) {
            // The token belongs in the body: a URI ends up in access logs (RFC 6750 section 5.3).
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            ProblemCode.MALFORMED_REQUEST,
                            "Send the token in the request body."),
                    null);
        }
        // RFC 7662 section 2.2 / RFC 6749 section 5.1: a statement about a token must not be cached.
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(introspect(client, token));
    }

    private TokenIntrospection introspect(IntrospectionClient client, String token) {
        if (token.isBlank()) {
            return TokenIntrospection.INACTIVE;
        }
        try {
            Jwt decoded = accessTokens.decode(token);
            String tenant = TokenApp.of(decoded).orElse(null);
            if (tenant == null || !client.mayIntrospect(tenant)) {
                log.debug("Introspected a token outside the client's app");
                return TokenIntrospection.INACTIVE;
            }
            return TokenIntrospection.active(decoded, tenant);
        } catch (BadJwtException refused) {
            log.debug("Introspected an inactive token: {}", refused.getMessage());
            return TokenIntrospection.INACTIVE;
        } catch (JwtException unverifiable) {
            // E.g. the JWK set could not be fetched: what cannot be verified is not active (fail closed).
            log.warn("Could not verify an introspected token: {}", unverifiable.getMessage());
            return TokenIntrospection.INACTIVE;
        }
    }
}
