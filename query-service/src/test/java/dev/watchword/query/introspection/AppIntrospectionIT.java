package dev.watchword.query.introspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRetired;
import dev.watchword.events.app.ApiKeyRevoked;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.query.IntegrationTestSupport;
import dev.watchword.query.TestApiKey;
import dev.watchword.query.TestIssuer;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Introspection by a client app's backend, authenticated with its client id and one of its API keys:
 * it sees its own app's tokens active and every other token inactive.
 */
class AppIntrospectionIT extends IntegrationTestSupport {

    private static final String PATH = "/api/auth/token/introspect/";
    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);

    private String appA;
    private String appB;
    private TestApiKey keyA;
    private TestApiKey keyB;

    @BeforeEach
    void twoApps() {
        appA = randomId();
        appB = randomId();
        keyA = registerAppWithKey(appA);
        keyB = registerAppWithKey(appB);
    }

    @Test
    void introspectWhenAppKeyAndTokenOfThatAppThenActiveWithTenantAndClientId() {
        HttpResponse<String> response = introspect(tokenOf(appA), clientIdOf(appA), keyA.key());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("tenant").asText()).isEqualTo(appA);
        assertThat(body.get("client_id").asText()).isEqualTo(clientIdOf(appA));
        assertThat(body.get("aud")).extracting(JsonNode::asText).containsExactly(TestIssuer.AUDIENCE, clientIdOf(appA));
    }

    @Test
    void introspectWhenAppKeyAndTokenOfAnotherAppThenExactlyActiveFalse() {
        // A token of app B is rejected by app A's backend, and the other way round.
        assertInactive(introspect(tokenOf(appB), clientIdOf(appA), keyA.key()));
        assertInactive(introspect(tokenOf(appA), clientIdOf(appB), keyB.key()));
    }

    @Test
    void introspectWhenAppKeyAndTokenOfTheDefaultAppThenInactive() {
        // Tokens without a tenant are the default app's.
        assertInactive(introspect(accessToken(randomId(), randomId()), clientIdOf(appA), keyA.key()));
        assertInactive(introspect(tokenOf("default"), clientIdOf(appA), keyA.key()));
    }

    @Test
    void introspectWhenConfiguredClientThenEveryAppsTokenActive() {
        for (String appId : List.of(appA, appB)) {
            HttpResponse<String> response =
                    introspect(tokenOf(appId), INTROSPECTION_CLIENT_ID, INTROSPECTION_CLIENT_SECRET);

            assertThat(body(response).get("active").asBoolean()).isTrue();
            assertThat(body(response).get("tenant").asText()).isEqualTo(appId);
        }
    }

    @Test
    void introspectWhenKeyOfAnotherAppOrUnknownClientThen401InvalidClient() {
        assertClientRefused(introspect(tokenOf(appA), clientIdOf(appA), keyB.key()));
        assertClientRefused(introspect(tokenOf(appA), "client-" + randomId(), keyA.key()));
        assertClientRefused(introspect(
                tokenOf(appA), clientIdOf(appA), TestApiKey.generate().key()));
        assertClientRefused(introspect(tokenOf(appA), clientIdOf(appA), "not-a-key"));
    }

    @Test
    void introspectWhenKeyRetiredThenWorksUntilTheEndOfTheGracePeriodOnly() {
        // given
        Instant now = Instant.now();
        TestApiKey retiring = issueKey(appA);
        TestApiKey expired = issueKey(appA);
        publish(new ApiKeyRetired(appA, retiring.keyId(), "operator-1", now, now.plus(1, ChronoUnit.HOURS)));
        publish(new ApiKeyRetired(appA, expired.keyId(), "operator-1", now, now.minusSeconds(1)));

        // then
        await().atMost(PROJECTED_WITHIN)
                .untilAsserted(() -> assertClientRefused(introspect(tokenOf(appA), clientIdOf(appA), expired.key())));
        assertThat(body(introspect(tokenOf(appA), clientIdOf(appA), retiring.key()))
                        .get("active")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void introspectWhenKeyRevokedThen401InvalidClient() {
        // when
        publish(new ApiKeyRevoked(appA, keyA.keyId(), "operator-1", Instant.now()));

        // then
        await().atMost(PROJECTED_WITHIN)
                .untilAsserted(() -> assertClientRefused(introspect(tokenOf(appA), clientIdOf(appA), keyA.key())));
    }

    private TestApiKey registerAppWithKey(String appId) {
        publish(new ClientAppRegistered(appId, "App " + appId, clientIdOf(appId), "operator-1", Instant.now()));
        return issueKey(appId);
    }

    /** Issues a key and waits until it authenticates. */
    private TestApiKey issueKey(String appId) {
        TestApiKey key = TestApiKey.generate();
        publish(new ApiKeyIssued(appId, key.keyId(), key.prefix(), key.hash(), "operator-1", Instant.now()));
        await().atMost(PROJECTED_WITHIN)
                .until(() ->
                        introspect(tokenOf(appId), clientIdOf(appId), key.key()).statusCode() == 200);
        return key;
    }

    private static String clientIdOf(String appId) {
        return "client-" + appId;
    }

    /** An access token of a user of the app, as command-service issues them since apps apply to tokens. */
    private static String tokenOf(String appId) {
        return TestIssuer.get()
                .accessToken(
                        randomId(),
                        randomId(),
                        UnaryOperator.identity(),
                        claims -> claims.audience(List.of(TestIssuer.AUDIENCE, clientIdOf(appId)))
                                .claim("tenant", appId)
                                .claim("client_id", clientIdOf(appId)));
    }

    private HttpResponse<String> introspect(String token, String clientId, String secret) {
        String basic = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return send(
                PATH,
                request -> request.header(
                                "Authorization",
                                "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))),
                null);
    }

    private void assertInactive(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"active\":false}");
    }

    private void assertClientRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_CLIENT");
        assertThat(response.body()).doesNotContain("active");
    }
}
