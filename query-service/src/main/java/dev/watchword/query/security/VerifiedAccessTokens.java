package dev.watchword.query.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Access-token checks without repeating the signature check: an ES256 verification costs most of a profile read
 * (the P-256 arithmetic was four fifths of query-service's CPU under load), and a client sends the same access
 * token many times during its few minutes of life. The exact token string that passed the full check (signature,
 * type, algorithm, issuer, audience, subject: {@code verified}) is remembered for at most {@link #REMEMBERED_FOR}
 * and never past its {@code exp}; a different string, even one byte, is checked in full.
 * <p>
 * What can change during a token's life is checked on every request, cached or not ({@code current}): expiry,
 * revoked session, disabled account. The one thing a remembered token skips is a signing key withdrawn after it
 * was verified ({@code ./watchword rotate-keys --immediate}): it is refused at the latest {@link #REMEMBERED_FOR}
 * later, within the time the JWK set itself is cached here anyway.
 */
final class VerifiedAccessTokens implements JwtDecoder {

    /** How long a verified token is remembered at most; the default is 60 seconds. */
    static final Duration REMEMBERED_FOR = Duration.ofSeconds(60);

    /** Enough for the tokens of every client active within a minute on one instance; about 2 kB each. */
    private static final int MAXIMUM_TOKENS = 20_000;

    private final JwtDecoder verified;
    private final OAuth2TokenValidator<Jwt> current;
    private final Clock clock;
    private final Cache<String, Jwt> remembered;

    VerifiedAccessTokens(JwtDecoder verified, OAuth2TokenValidator<Jwt> current, Clock clock) {
        this.verified = verified;
        this.current = current;
        this.clock = clock;
        this.remembered = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_TOKENS)
                .expireAfter(Expiry.<String, Jwt>writing((token, jwt) -> untilExpiry(jwt)))
                .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = remembered.getIfPresent(token);
        if (jwt == null) {
            jwt = verified.decode(token);
            remembered.put(token, jwt);
        }
        OAuth2TokenValidatorResult result = current.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("The access token is no longer valid", result.getErrors());
        }
        return jwt;
    }

    private Duration untilExpiry(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        Duration left = expiresAt == null ? Duration.ZERO : Duration.between(clock.instant(), expiresAt);
        return left.isNegative() ? Duration.ZERO : (left.compareTo(REMEMBERED_FOR) < 0 ? left : REMEMBERED_FOR);
    }
}
