package dev.watchword.query.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.watchword.query.IntegrationTestSupport;
import dev.watchword.query.TestIssuer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each refused token gets the same 401 problem, never a 500 or a hint at the reason. */
class AccessTokenValidationIT extends IntegrationTestSupport {

    private static final String USER = UUID.randomUUID().toString();
    private static final String SESSION = UUID.randomUUID().toString();
    private static final TestIssuer ISSUER = TestIssuer.get();

    static Stream<Named<String>> refusedTokens() {
        Date anHourAgo = Date.from(Instant.now().minusSeconds(3600));
        return Stream.of(
                Named.of("HS256 keyed with the public key", ISSUER.accessTokenSignedWithHs256(USER, SESSION)),
                Named.of("alg none", ISSUER.unsignedAccessToken(USER, SESSION)),
                Named.of("typ JWT instead of at+jwt", withHeader(h -> h.type(JOSEObjectType.JWT))),
                Named.of("no typ", withHeader(h -> h.type(null))),
                Named.of("wrong iss", withClaims(c -> c.issuer("https://evil.test"))),
                Named.of("wrong aud", withClaims(c -> c.audience("another-api"))),
                Named.of("expired", withClaims(c -> c.issueTime(anHourAgo).expirationTime(anHourAgo))),
                Named.of("no exp", withClaims(c -> c.expirationTime(null))),
                Named.of(
                        "not yet valid",
                        withClaims(c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600))))),
                Named.of("no sid", withClaims(c -> c.claim("sid", null))),
                Named.of("tampered payload", ISSUER.tamperedAccessToken(USER, SESSION)),
                Named.of("signed by a foreign key", ISSUER.accessTokenSignedByForeignKey(USER, SESSION)),
                Named.of("not a JWT", "not.a.jwt"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void meWhenTokenRefusedThen401InvalidTokenProblem(String token) {
        // when
        HttpResponse<String> response = get("/api/users/me/", token);

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(body(response).get("status").asInt()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception", "nimbus", "at+jwt");
    }

    @Test
    void meWhenNoTokenThen401WithBareBearerChallenge() {
        // when
        HttpResponse<String> response = get("/api/users/me", null);

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void meWhenTokenValidThenPassesAllChecks() {
        // when: no profile exists for this user, so getting past the checks means 404, not 401
        HttpResponse<String> plain = get("/api/users/me", accessToken(USER, SESSION));
        HttpResponse<String> mediaTyped = get(
                "/api/users/me",
                ISSUER.accessToken(
                        USER,
                        SESSION,
                        h -> h.type(new JOSEObjectType("application/at+jwt")),
                        UnaryOperator.identity()));

        // then
        assertThat(plain.statusCode()).isEqualTo(404);
        assertThat(mediaTyped.statusCode()).isEqualTo(404);
    }

    @Test
    void meWhenManyRequestsThenJwkSetDownloadedAtMostOnce() {
        // given
        int before = ISSUER.jwksDownloads();

        // when
        for (int request = 0; request < 5; request++) {
            assertThat(get("/api/users/me", accessToken(USER, SESSION)).statusCode())
                    .isEqualTo(404);
        }

        // then: Nimbus caches the keys, so a request costs no round trip to the issuer
        assertThat(ISSUER.jwksDownloads() - before).isLessThanOrEqualTo(1);
    }

    @Test
    void meWhenBurstOfUnknownKeyIdsThenJwkSetDownloadedAtMostOnce() {
        // given: the key set is loaded
        assertThat(get("/api/users/me", accessToken(USER, SESSION)).statusCode())
                .isEqualTo(404);
        int before = ISSUER.jwksDownloads();

        // when: every token names a key id the issuer never published
        for (int request = 0; request < 20; request++) {
            String kid = UUID.randomUUID().toString();
            HttpResponse<String> response = get("/api/users/me", withHeader(h -> h.keyID(kid)));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
        }

        // then: one look for a newly published key at most, not a download per made-up kid
        assertThat(ISSUER.jwksDownloads() - before).isLessThanOrEqualTo(1);
        assertThat(get("/api/users/me", accessToken(USER, SESSION)).statusCode())
                .isEqualTo(404);
    }

    private static String withHeader(UnaryOperator<com.nimbusds.jose.JWSHeader.Builder> header) {
        return ISSUER.accessToken(USER, SESSION, header, UnaryOperator.identity());
    }

    private static String withClaims(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return ISSUER.accessToken(USER, SESSION, UnaryOperator.identity(), claims);
    }
}
