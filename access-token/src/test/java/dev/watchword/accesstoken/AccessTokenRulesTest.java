package dev.watchword.accesstoken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class AccessTokenRulesTest {

    private static final String ISSUER = "https://issuer.test";
    private static final String AUDIENCE = "watchword";
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final ECKey KEY = generate("key-1");
    private static final ECKey FOREIGN_KEY = generate("key-1");

    private final JwtDecoder decoder = AccessTokenRules.decoder(
            new ImmutableJWKSet<SecurityContext>(new JWKSet(KEY.toPublicJWK())),
            new DelegatingOAuth2TokenValidator<>(
                    AccessTokenRules.claims(ISSUER, AUDIENCE),
                    AccessTokenRules.timestamps(Clock.fixed(NOW, ZoneOffset.UTC), AccessTokenRules.CLOCK_SKEW)));

    static Stream<Named<String>> refusedTokens() throws JOSEException {
        Date anHourAgo = Date.from(NOW.minusSeconds(3600));
        return Stream.of(
                Named.of("typ JWT instead of at+jwt", token(h -> h.type(JOSEObjectType.JWT), c -> c)),
                Named.of("no typ", token(h -> h.type(null), c -> c)),
                Named.of("HS256", hs256()),
                Named.of("alg none", new PlainJWT(claims().build()).serialize()),
                Named.of("signed by a foreign key", sign(FOREIGN_KEY, header().build(), claims().build())),
                Named.of("wrong iss", token(h -> h, c -> c.issuer("https://evil.test"))),
                Named.of("wrong aud", token(h -> h, c -> c.audience("another-api"))),
                Named.of("no exp", token(h -> h, c -> c.expirationTime(null))),
                Named.of(
                        "expired beyond the skew",
                        token(h -> h, c -> c.issueTime(anHourAgo).expirationTime(Date.from(NOW.minusSeconds(61))))),
                Named.of(
                        "not yet valid beyond the skew",
                        token(h -> h, c -> c.notBeforeTime(Date.from(NOW.plusSeconds(61))))),
                Named.of("no sub", token(h -> h, c -> c.subject(null))),
                Named.of("no sid", token(h -> h, c -> c.claim(AccessTokenRules.SESSION_ID, null))),
                Named.of("blank sid", token(h -> h, c -> c.claim(AccessTokenRules.SESSION_ID, " "))),
                Named.of("sid not a string", token(h -> h, c -> c.claim(AccessTokenRules.SESSION_ID, 7))),
                Named.of("not a JWT", "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void decodeWhenTokenBreaksARuleThenBadJwt(String token) {
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void decodeWhenTokenFollowsEveryRuleThenItsClaims() throws JOSEException {
        Jwt jwt = decoder.decode(token(h -> h, c -> c.claim(AccessTokenRules.PERMISSIONS, List.of("users:read"))));

        assertThat(jwt.getSubject()).isEqualTo("user-1");
        assertThat(jwt.getClaimAsString(AccessTokenRules.SESSION_ID)).isEqualTo("session-1");
        assertThat(jwt.getClaimAsStringList(AccessTokenRules.PERMISSIONS)).containsExactly("users:read");
    }

    @Test
    void decodeWhenMediaTypeSpellingOrWithinTheSkewThenAccepted() throws JOSEException {
        String mediaTyped = token(h -> h.type(new JOSEObjectType("application/at+jwt")), c -> c);
        String justExpired = token(
                h -> h,
                c -> c.issueTime(Date.from(NOW.minusSeconds(359))).expirationTime(Date.from(NOW.minusSeconds(59))));

        assertThat(decoder.decode(mediaTyped).getSubject()).isEqualTo("user-1");
        assertThat(decoder.decode(justExpired).getSubject()).isEqualTo("user-1");
    }

    @Test
    void authorizationVersionWhenAbsentThenZeroAndWhenNotANonNegativeIntegerThenNone() {
        assertThat(AccessTokenRules.authorizationVersion(jwtWithVersion(null))).hasValue(0);
        assertThat(AccessTokenRules.authorizationVersion(jwtWithVersion(3L))).hasValue(3);
        assertThat(AccessTokenRules.authorizationVersion(jwtWithVersion(2.0))).hasValue(2);
        assertThat(AccessTokenRules.authorizationVersion(jwtWithVersion(1.5))).isEqualTo(OptionalLong.empty());
        assertThat(AccessTokenRules.authorizationVersion(jwtWithVersion(-1))).isEqualTo(OptionalLong.empty());
        assertThat(AccessTokenRules.authorizationVersion(jwtWithVersion("3"))).isEqualTo(OptionalLong.empty());
    }

    private static Jwt jwtWithVersion(Object version) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "ES256").subject("user-1");
        if (version != null) {
            jwt.claim(AccessTokenRules.AUTHORIZATION_VERSION, version);
        }
        return jwt.build();
    }

    private static String token(UnaryOperator<JWSHeader.Builder> header, UnaryOperator<JWTClaimsSet.Builder> claims)
            throws JOSEException {
        return sign(KEY, header.apply(header()).build(), claims.apply(claims()).build());
    }

    private static JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(AccessTokenRules.TYPE))
                .keyID(KEY.getKeyID());
    }

    private static JWTClaimsSet.Builder claims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE, "client-1"))
                .subject("user-1")
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(300)))
                .claim(AccessTokenRules.SESSION_ID, "session-1");
    }

    private static String sign(ECKey key, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** HMAC keyed with the public key's encoding: the key confusion the algorithm allowlist exists for. */
    private static String hs256() throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256)
                        .type(new JOSEObjectType(AccessTokenRules.TYPE))
                        .keyID(KEY.getKeyID())
                        .build(),
                claims().build());
        jwt.sign(new MACSigner(KEY.toPublicJWK().toJSONString().repeat(2).getBytes()));
        return jwt.serialize();
    }

    private static ECKey generate(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
