package dev.watchword.query.introspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.query.IntegrationTestSupport;
import dev.watchword.query.TestIssuer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7662 through the real security filter chain. */
class TokenIntrospectionIT extends IntegrationTestSupport {

    private static final String PATH = "/api/auth/token/introspect";
    private static final TestIssuer ISSUER = TestIssuer.get();
    private static final String USER = UUID.randomUUID().toString();
    private static final String SESSION = UUID.randomUUID().toString();

    @ParameterizedTest
    @ValueSource(strings = {PATH, PATH + "/"})
    void introspectWhenAccessTokenValidThenActiveWithItsClaims(String path) {
        // given
        Instant issuedAt = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        String jti = randomId();
        String token = ISSUER.accessToken(
                USER,
                SESSION,
                UnaryOperator.identity(),
                claims -> claims.jwtID(jti)
                        .issueTime(Date.from(issuedAt))
                        .expirationTime(Date.from(issuedAt.plusSeconds(300))));

        // when
        HttpResponse<String> response = introspect(
                path,
                form("token", token, "token_type_hint", "access_token"),
                INTROSPECTION_CLIENT_ID,
                INTROSPECTION_CLIENT_SECRET);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = body(response);
        assertThat(body.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "active", "sub", "sid", "roles", "exp", "iat", "iss", "aud", "jti", "token_type", "tenant");
        // A token from before client apps applied to tokens has no tenant: it is the default app's.
        assertThat(body.get("tenant").asText()).isEqualTo("default");
        assertThat(body.get("active").isBoolean()).isTrue();
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("sub").asText()).isEqualTo(USER);
        assertThat(body.get("sid").asText()).isEqualTo(SESSION);
        assertThat(body.get("roles")).extracting(JsonNode::asText).containsExactly("user");
        assertThat(body.get("exp").asLong()).isEqualTo(issuedAt.plusSeconds(300).getEpochSecond());
        assertThat(body.get("iat").asLong()).isEqualTo(issuedAt.getEpochSecond());
        assertThat(body.get("iss").asText()).isEqualTo(TestIssuer.ISSUER);
        assertThat(body.get("aud")).extracting(JsonNode::asText).containsExactly(TestIssuer.AUDIENCE);
        assertThat(body.get("jti").asText()).isEqualTo(jti);
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
    }

    @Test
    void introspectWhenSessionRevokedThenInactive() {
        // given
        String userId = randomId();
        String sessionId = randomId();
        String token = accessToken(userId, sessionId);
        assertThat(body(introspect(token)).get("active").asBoolean()).isTrue();

        // when
        Instant now = Instant.now();
        publish(new SessionRevoked(userId, sessionId, SessionRevocationReason.LOGOUT, now, now.plusSeconds(300)));

        // then
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !body(introspect(token)).get("active").asBoolean());
        assertInactive(introspect(token));
    }

    static Stream<Named<String>> inactiveTokens() {
        Date anHourAgo = Date.from(Instant.now().minusSeconds(3600));
        return Stream.of(
                Named.of(
                        "expired",
                        ISSUER.accessToken(
                                USER,
                                SESSION,
                                UnaryOperator.identity(),
                                claims -> claims.issueTime(anHourAgo).expirationTime(anHourAgo))),
                Named.of("signed by a foreign key", ISSUER.accessTokenSignedByForeignKey(USER, SESSION)),
                Named.of("HS256 keyed with the public key", ISSUER.accessTokenSignedWithHs256(USER, SESSION)),
                Named.of("alg none", ISSUER.unsignedAccessToken(USER, SESSION)),
                Named.of(
                        "wrong aud",
                        ISSUER.accessToken(
                                USER, SESSION, UnaryOperator.identity(), claims -> claims.audience("another-api"))),
                Named.of("tampered payload", ISSUER.tamperedAccessToken(USER, SESSION)),
                Named.of("opaque refresh token", "x1YbM0tVq3mHppg2g0aW8w2y3QvZt1rQ5yB7cXnJk4E"),
                Named.of("garbage", "not.a.jwt"),
                Named.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inactiveTokens")
    void introspectWhenTokenNotActiveThenExactlyActiveFalse(String token) {
        assertInactive(introspect(token));
    }

    @Test
    void introspectWhenNoCredentialsThen401WithBasicChallenge() {
        // when
        HttpResponse<String> response = send(
                PATH,
                request -> request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form("token", accessToken(USER, SESSION)))),
                null);

        // then
        assertClientRefused(response);
    }

    static Stream<Named<String[]>> wrongCredentials() {
        return Stream.of(
                Named.of("wrong secret", new String[] {INTROSPECTION_CLIENT_ID, "not-the-secret"}),
                Named.of("unknown client", new String[] {"someone-else", INTROSPECTION_CLIENT_SECRET}),
                Named.of("empty secret", new String[] {INTROSPECTION_CLIENT_ID, ""}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongCredentials")
    void introspectWhenWrongCredentialsThen401WithBasicChallenge(String[] credentials) {
        assertClientRefused(
                introspect(PATH, form("token", accessToken(USER, SESSION)), credentials[0], credentials[1]));
    }

    @Test
    void introspectWhenBearerTokenInsteadOfClientCredentialsThen401() {
        // when: a user's valid access token is no client authentication
        String token = accessToken(USER, SESSION);
        HttpResponse<String> response = send(
                PATH,
                request -> request.header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form("token", token))),
                token);

        // then
        assertClientRefused(response);
    }

    @Test
    void introspectWhenTokenParameterMissingThen400Problem() {
        HttpResponse<String> response = introspect(
                PATH, form("token_type_hint", "access_token"), INTROSPECTION_CLIENT_ID, INTROSPECTION_CLIENT_SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void introspectWhenTokenInQueryStringThen400Problem() {
        HttpResponse<String> response = introspect(
                PATH + "?token=" + accessToken(USER, SESSION),
                "",
                INTROSPECTION_CLIENT_ID,
                INTROSPECTION_CLIENT_SECRET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void introspectWhenJsonBodyThen415Problem() {
        HttpResponse<String> response = send(
                PATH,
                request -> request.header("Authorization", basic(INTROSPECTION_CLIENT_ID, INTROSPECTION_CLIENT_SECRET))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"x\"}")),
                null);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(body(response).get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    private HttpResponse<String> introspect(String token) {
        return introspect(PATH, form("token", token), INTROSPECTION_CLIENT_ID, INTROSPECTION_CLIENT_SECRET);
    }

    private HttpResponse<String> introspect(String path, String form, String clientId, String secret) {
        return send(
                path,
                request -> request.header("Authorization", basic(clientId, secret))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)),
                null);
    }

    private void assertInactive(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode body = body(response);
        assertThat(body.size()).isEqualTo(1);
        assertThat(body.get("active").isBoolean()).isTrue();
        assertThat(body.get("active").asBoolean()).isFalse();
    }

    private void assertClientRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic "));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_CLIENT");
        assertThat(body(response).get("status").asInt()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("active");
    }

    /** RFC 6749 section 2.3.1: id and secret are form-urlencoded, then joined with ':' and base64-encoded. */
    private static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(namesAndValues[i])
                    .append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }
}
