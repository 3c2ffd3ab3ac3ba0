package dev.watchword.query.appscope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRevoked;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.query.IntegrationTestSupport;
import dev.watchword.query.TestApiKey;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An app's API key as the credential of its backend on the admin API. */
class ApiKeyAuthenticationIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);

    @Test
    void adminWhenApiKeyThenTheAppsAdminButNeverPlatformWide() {
        // given
        String appId = randomId();
        TestApiKey key = registerAppWithKey(appId);
        registerAppWithKey(randomId());

        // when
        HttpResponse<String> apps = get("/api/admin/apps/?size=100", key.key());
        HttpResponse<String> audit = get("/api/admin/audit/?limit=1000", key.key());
        HttpResponse<String> otherAppsAudit = get("/api/admin/audit/?limit=1000&app=default", key.key());

        // then: apps:write is never an API key's, so it sees its own app only
        assertThat(apps.statusCode()).isEqualTo(200);
        assertThat(StreamSupport.stream(body(apps).get("items").spliterator(), false)
                        .map(item -> item.get("id").asText()))
                .containsExactly(appId);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(body(audit).get("items"))
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.get("app_id").asText()).isEqualTo(appId));
        assertThat(body(otherAppsAudit).get("items")).isEmpty();
    }

    @Test
    void adminWhenKeyRevokedThenRefusedAtOnce() {
        // given
        String appId = randomId();
        TestApiKey key = registerAppWithKey(appId);
        assertThat(get("/api/admin/apps/" + appId + "/", key.key()).statusCode())
                .isEqualTo(200);

        // when
        publish(new ApiKeyRevoked(appId, key.keyId(), "operator-1", Instant.now()));

        // then
        await().atMost(PROJECTED_WITHIN)
                .until(() -> get("/api/admin/apps/" + appId + "/", key.key()).statusCode() == 401);
        HttpResponse<String> refused = get("/api/admin/users/", key.key());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(refused).get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "wwk_",
                "wwk_short_key",
                "wwk_ABCDEFGH_tooShort",
                "wwk_ABCDEFGH_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            })
    void adminWhenKeyMalformedOrUnknownThen401InvalidToken(String key) {
        HttpResponse<String> response = get("/api/admin/users/", key);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/users/me", "/api/auth/sessions"})
    void userEndpointsWhenApiKeyThen401(String path) {
        // An API key speaks for an app's backend on the admin API only; it is nobody's access token.
        TestApiKey key = registerAppWithKey(randomId());

        HttpResponse<String> response = get(path, key.key());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void adminWhenApiKeyAndPathWithoutRuleThen403() {
        TestApiKey key = registerAppWithKey(randomId());

        assertThat(get("/api/admin/nothing-here", key.key()).statusCode()).isEqualTo(403);
    }

    /** Registers an app with one key and waits until the key works. */
    private TestApiKey registerAppWithKey(String appId) {
        TestApiKey key = TestApiKey.generate();
        Instant now = Instant.now();
        publish(new ClientAppRegistered(appId, "App " + appId, "client-" + appId, "operator-1", now));
        publish(new ApiKeyIssued(appId, key.keyId(), key.prefix(), key.hash(), "operator-1", now));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> get("/api/admin/apps/" + appId + "/", key.key()).statusCode() == 200);
        return key;
    }
}
