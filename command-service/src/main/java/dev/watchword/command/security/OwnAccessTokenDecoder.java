package dev.watchword.command.security;

import dev.watchword.command.signingkey.SigningKeys;
import dev.watchword.command.issuing.TokenSettings;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.security.SecurityException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

import java.security.Key;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifies this service's own access tokens for its authenticated endpoints, with the keys it holds in memory:
 * no JWKS fetch and no database round trip. The same rules as every verifier: ES256 only (RFC 8725 section
 * 3.1), {@code typ: at+jwt} so no other kind of token passes as one (RFC 9068 section 4, RFC 8725 section
 * 3.11), a known {@code kid}, signature, {@code exp}/{@code nbf}, {@code iss}, {@code aud}; and {@code sub}
 * and {@code sid} present. Headers such as {@code jku}, {@code x5u} and {@code jwk} are never followed.
 * Whether the session is still live is checked by the aggregate each command goes to.
 */
@Component
public class OwnAccessTokenDecoder implements JwtDecoder {

    private final SigningKeys keys;
    private final TokenSettings settings;
    private final Clock clock;

    public OwnAccessTokenDecoder(SigningKeys keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) {
        Jws<Claims> jws;
        try {
            jws = Jwts.parser()
                    .keyLocator(this::keyFor)
                    .clock(() -> Date.from(clock.instant()))
                    .requireIssuer(settings.issuer())
                    .requireAudience(settings.audience())
                    .build()
                    .parseSignedClaims(token);
        } catch (JwtException | IllegalArgumentException e) {
            throw new BadJwtException("Invalid access token", e);
        }
        if (!"at+jwt".equalsIgnoreCase(jws.getHeader().getType())
                && !"application/at+jwt".equalsIgnoreCase(jws.getHeader().getType())) {
            throw new BadJwtException("Not an access token");
        }
        Claims claims = jws.getPayload();
        if (claims.getSubject() == null || claims.get("sid", String.class) == null || claims.getExpiration() == null) {
            throw new BadJwtException("Access token lacks sub, sid or exp");
        }
        Map<String, Object> headers = new LinkedHashMap<>(jws.getHeader());
        return new Jwt(token, claims.getIssuedAt() == null ? null : claims.getIssuedAt().toInstant(),
                claims.getExpiration().toInstant(), headers, new LinkedHashMap<>(claims));
    }

    private Key keyFor(io.jsonwebtoken.Header header) {
        if (!(header instanceof ProtectedHeader protectedHeader) || !"ES256".equals(protectedHeader.getAlgorithm())) {
            throw new SecurityException("Only ES256 access tokens are accepted");
        }
        return keys.publicKeyFor(protectedHeader.getKeyId())
                .orElseThrow(() -> new SecurityException("Unknown signing key"));
    }
}
