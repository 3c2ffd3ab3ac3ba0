package dev.watchword.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedAccessTokensTest {

    private final AtomicInteger fullChecks = new AtomicInteger();
    private final Set<String> revokedSessions = new HashSet<>();

    private final JwtDecoder fullCheck = token -> {
        fullChecks.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("bad signature");
        }
        Instant now = Instant.now();
        return Jwt.withTokenValue(token)
                .header("alg", "ES256")
                .subject("user-1")
                .claim("sid", "s-" + token)
                .issuedAt(now.minusSeconds(600))
                .expiresAt(now.plusSeconds(token.startsWith("expired") ? -120 : 300))
                .build();
    };

    private final OAuth2TokenValidator<Jwt> current = jwt -> revokedSessions.contains(jwt.getClaimAsString("sid"))
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "revoked", null))
            : OAuth2TokenValidatorResult.success();

    private final VerifiedAccessTokens tokens = new VerifiedAccessTokens(
            fullCheck,
            jwt -> jwt.getExpiresAt().isBefore(Instant.now())
                    ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "expired", null))
                    : current.validate(jwt),
            Clock.systemUTC());

    @Test
    void decodeWhenSameTokenAgainThenSignatureCheckedOnce() {
        tokens.decode("token-a");
        tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void decodeWhenSessionRevokedAfterFirstUseThenRefusedThoughRemembered() {
        tokens.decode("token-a");
        revokedSessions.add("s-token-a");

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(fullChecks).hasValue(1);
    }

    @Test
    void decodeWhenFullCheckFailsThenNothingRememberedAndCheckedInFullAgain() {
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged-1")).isInstanceOf(BadJwtException.class);

        assertThat(fullChecks).hasValue(2);
    }

    @Test
    void decodeWhenExpiredThenRefusedEveryTime() {
        assertThatThrownBy(() -> tokens.decode("expired-1")).isInstanceOf(JwtValidationException.class);
        assertThatThrownBy(() -> tokens.decode("expired-1")).isInstanceOf(JwtValidationException.class);
    }
}
