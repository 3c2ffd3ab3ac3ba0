package dev.watchword.query.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRetired;
import dev.watchword.events.app.ApiKeyRevoked;
import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The admin's list and detail of client apps and their API keys, fed through the topic. */
class ClientAppIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);
    private static final AppSettings FIRST_SETTINGS = new AppSettings(
            List.of("password", "magic_link"),
            false,
            15,
            30,
            10,
            List.of("https://one.example", "https://two.example"),
            "https://one.example/auth",
            "One");
    private static final AppSettings SECOND_SETTINGS = new AppSettings(
            List.of("email_otp"),
            true,
            5,
            7,
            12,
            List.of("https://three.example"),
            "https://three.example/links",
            "Three");

    private String operator;
    private final List<String> published = new ArrayList<>();

    @BeforeEach
    void operatorToken() {
        operator = accessToken(randomId(), randomId(), List.of("apps:write"), 0L);
    }

    @Test
    void appsWhenRegisteredThenListedNewestFirstAndPaged() {
        // given: three apps registered after any app in the table, whatever earlier runs left behind
        Instant base = jdbc.sql("select coalesce(max(registered_at), now()) + interval '1 second' from client_app_row")
                .query(Timestamp.class)
                .single()
                .toInstant()
                .truncatedTo(ChronoUnit.MILLIS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String appId = randomId();
            ids.add(appId);
            publishTracked(
                    new ClientAppRegistered(appId, "App " + i, "client-" + appId, "operator-1", base.plusMillis(i)));
        }
        awaitProjected();

        // when
        JsonNode first = list("?page=1&size=2");
        JsonNode second = list("?page=2&size=2");

        // then
        assertThat(ids(first)).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(ids(second).getFirst()).isEqualTo(ids.get(0));
        JsonNode item = first.get("items").get(0);
        assertThat(item.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("id", "name", "client_id", "registered_by", "registered_at", "updated_at");
        assertThat(item.get("name").asText()).isEqualTo("App 2");
        assertThat(item.get("client_id").asText()).isEqualTo("client-" + ids.get(2));
        assertThat(item.get("registered_by").asText()).isEqualTo("operator-1");
        assertThat(Instant.parse(item.get("registered_at").asText())).isEqualTo(base.plusMillis(2));
        assertThat(Instant.parse(item.get("updated_at").asText())).isEqualTo(base.plusMillis(2));
    }

    @Test
    void appsWhenSizeAboveMaximumThenHundredAndDefaultIsTwenty() {
        assertThat(list("?size=1000").get("size").asInt()).isEqualTo(100);
        assertThat(list("").get("size").asInt()).isEqualTo(20);
        assertThat(list("").get("page").asInt()).isEqualTo(1);
        assertThat(get("/api/admin/apps?page=0", operator).statusCode()).isEqualTo(400);
    }

    @Test
    void appWhenSettingsChangedTwiceThenTheLaterReplacesTheEarlierWhole() {
        // given
        String appId = randomId();
        Instant registeredAt = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        publishTracked(new ClientAppRegistered(appId, "Shop", "client-" + appId, "operator-1", registeredAt));
        HttpResponse<String> before = awaitDetail(appId);
        assertThat(body(before).get("settings").isNull()).isTrue();

        // when
        publishTracked(new AppSettingsChanged(appId, FIRST_SETTINGS, "admin-1", registeredAt.plusSeconds(60)));
        publishTracked(new AppSettingsChanged(appId, SECOND_SETTINGS, "admin-2", registeredAt.plusSeconds(120)));
        awaitProjected();

        // then
        for (String path : List.of("/api/admin/apps/" + appId, "/api/admin/apps/" + appId + "/")) {
            HttpResponse<String> response = get(path, operator);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode body = body(response);
            assertThat(body.get("id").asText()).isEqualTo(appId);
            assertThat(body.get("name").asText()).isEqualTo("Shop");
            assertThat(body.get("client_id").asText()).isEqualTo("client-" + appId);
            assertThat(body.get("settings_changed_by").asText()).isEqualTo("admin-2");
            assertThat(Instant.parse(body.get("settings_changed_at").asText()))
                    .isEqualTo(registeredAt.plusSeconds(120));
            assertThat(Instant.parse(body.get("updated_at").asText())).isEqualTo(registeredAt.plusSeconds(120));
            assertSettings(body.get("settings"), SECOND_SETTINGS);
            assertThat(body.get("api_keys")).isEmpty();
        }
    }

    @Test
    void appWhenKeysIssuedRetiredAndRevokedThenEachShowsItsStatus() {
        // given
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String appId = registeredApp(now.minus(10, ChronoUnit.DAYS));
        String active = issueKey(appId, now.minus(9, ChronoUnit.DAYS));
        String retiring = issueKey(appId, now.minus(8, ChronoUnit.DAYS));
        String expired = issueKey(appId, now.minus(7, ChronoUnit.DAYS));
        String revoked = issueKey(appId, now.minus(6, ChronoUnit.DAYS));
        String retiredThenRevoked = issueKey(appId, now.minus(5, ChronoUnit.DAYS));
        String revokedThenRetired = issueKey(appId, now.minus(4, ChronoUnit.DAYS));

        // when
        publishTracked(
                new ApiKeyRetired(appId, retiring, "admin-1", now.minusSeconds(60), now.plus(1, ChronoUnit.DAYS)));
        publishTracked(new ApiKeyRetired(
                appId, expired, "admin-1", now.minus(3, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS)));
        publishTracked(new ApiKeyRevoked(appId, revoked, "admin-2", now.minus(1, ChronoUnit.DAYS)));
        publishTracked(new ApiKeyRetired(
                appId, retiredThenRevoked, "admin-1", now.minus(3, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)));
        publishTracked(new ApiKeyRevoked(appId, retiredThenRevoked, "admin-2", now.minus(2, ChronoUnit.DAYS)));
        publishTracked(new ApiKeyRevoked(appId, revokedThenRetired, "admin-2", now.minus(2, ChronoUnit.DAYS)));
        publishTracked(new ApiKeyRetired(
                appId, revokedThenRetired, "admin-1", now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)));
        awaitProjected();

        // then: newest key first
        JsonNode keys = body(get("/api/admin/apps/" + appId, operator)).get("api_keys");
        assertThat(keys)
                .extracting(key -> key.get("id").asText())
                .containsExactly(revokedThenRetired, retiredThenRevoked, revoked, expired, retiring, active);
        assertThat(keys)
                .extracting(key -> key.get("status").asText())
                .containsExactly("revoked", "revoked", "revoked", "expired", "retiring", "active");
        JsonNode retiringKey = keys.get(4);
        assertThat(retiringKey.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "id", "prefix", "status", "issued_by", "issued_at", "valid_until", "revoked_at");
        assertThat(retiringKey.get("prefix").asText()).isEqualTo(prefixOf(retiring));
        assertThat(retiringKey.get("issued_by").asText()).isEqualTo("operator-1");
        assertThat(Instant.parse(retiringKey.get("issued_at").asText())).isEqualTo(now.minus(8, ChronoUnit.DAYS));
        assertThat(Instant.parse(retiringKey.get("valid_until").asText())).isEqualTo(now.plus(1, ChronoUnit.DAYS));
        assertThat(retiringKey.get("revoked_at").isNull()).isTrue();
        assertThat(Instant.parse(keys.get(3).get("valid_until").asText())).isEqualTo(now.minus(2, ChronoUnit.DAYS));
        assertThat(Instant.parse(keys.get(2).get("revoked_at").asText())).isEqualTo(now.minus(1, ChronoUnit.DAYS));
        assertThat(keys.get(5).get("valid_until").isNull()).isTrue();
        assertThat(keys.get(5).get("revoked_at").isNull()).isTrue();
    }

    @Test
    void appWhenEventsRedeliveredThenNothingChanges() {
        // given
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        String appId = randomId();
        String keyId = randomId();
        EventEnvelope registered =
                publishTracked(new ClientAppRegistered(appId, "Blog", "client-" + appId, "operator-1", at));
        EventEnvelope firstSettings =
                publishTracked(new AppSettingsChanged(appId, FIRST_SETTINGS, "admin-1", at.plusSeconds(1)));
        EventEnvelope issued = publishTracked(
                new ApiKeyIssued(appId, keyId, prefixOf(keyId), hashOf(keyId), "operator-1", at.plusSeconds(2)));
        publishTracked(new AppSettingsChanged(appId, SECOND_SETTINGS, "admin-2", at.plusSeconds(3)));
        EventEnvelope retired = publishTracked(
                new ApiKeyRetired(appId, keyId, "admin-2", at.plusSeconds(4), at.plus(1, ChronoUnit.DAYS)));
        awaitProjected();
        JsonNode before = body(get("/api/admin/apps/" + appId, operator));

        // when: older events come again, as when a consumer lost its partition before committing; then a new
        // event to wait for
        for (EventEnvelope again : List.of(registered, firstSettings, issued, retired)) {
            publish(again);
        }
        String later = issueKey(appId, at.plusSeconds(5));
        awaitProjected();

        // then: the first settings did not come back, and the retired key was not made active again
        JsonNode after = body(get("/api/admin/apps/" + appId, operator));
        assertSettings(after.get("settings"), SECOND_SETTINGS);
        assertThat(after.get("settings")).isEqualTo(before.get("settings"));
        assertThat(after.get("settings_changed_by").asText()).isEqualTo("admin-2");
        assertThat(after.get("updated_at")).isEqualTo(before.get("updated_at"));
        assertThat(after.get("api_keys"))
                .extracting(key -> key.get("id").asText())
                .containsExactly(later, keyId);
        assertThat(after.get("api_keys").get(1))
                .isEqualTo(before.get("api_keys").get(0));
        assertThat(after.get("api_keys").get(1).get("status").asText()).isEqualTo("retiring");
        assertThat(jdbc.sql("select count(*) from api_key_row where app_id = :appId")
                        .param("appId", appId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void appsWhenKeysIssuedThenNoResponseContainsTheHash() {
        // given
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String appId = registeredApp(at);
        String keyId = issueKey(appId, at.plusSeconds(1));
        String retired = issueKey(appId, at.plusSeconds(2));
        publishTracked(new ApiKeyRetired(appId, retired, "admin-1", at.plusSeconds(3), at.plusSeconds(4)));
        awaitProjected();

        // when
        List<HttpResponse<String>> details = List.of(
                get("/api/admin/apps/" + appId, operator),
                get("/api/admin/apps/" + appId + "/", appToken(appId, List.of("settings:write"))));
        HttpResponse<String> list = get("/api/admin/apps?size=100", operator);

        // then
        for (HttpResponse<String> response : details) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .contains(prefixOf(keyId), prefixOf(retired))
                    .doesNotContain(hashOf(keyId))
                    .doesNotContain(hashOf(retired))
                    .doesNotContainIgnoringCase("hash");
        }
        // The list shows no keys at all; whichever apps are on its first page, no hash is among them.
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).doesNotContainIgnoringCase("hash");
        // The hash is kept to authenticate the app's backend, and never shown.
        assertThat(jdbc.sql("select key_hash from api_key_row where app_id = :appId and key_id = :keyId")
                        .param("appId", appId)
                        .param("keyId", keyId)
                        .query(String.class)
                        .single())
                .isEqualTo(hashOf(keyId));
    }

    @Test
    void appWhenUnknownThen404AppNotFound() {
        HttpResponse<String> response = get("/api/admin/apps/" + randomId() + "/", operator);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("code").asText()).isEqualTo("APP_NOT_FOUND");
        assertThat(body(response).get("status").asInt()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/apps", "/api/admin/apps/", "/api/admin/apps/{id}", "/api/admin/apps/{id}/"})
    void appsWhenTokenHoldsAppsWriteThen200(String path) {
        String appId = registeredApp(Instant.now());
        awaitProjected();

        HttpResponse<String> response = get(path.replace("{id}", appId), operator);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/apps/{id}", "/api/admin/apps/{id}/"})
    void appWhenTokenHoldsSettingsWriteThenDetail200(String path) {
        String appId = registeredApp(Instant.now());
        awaitProjected();

        HttpResponse<String> response = get(path.replace("{id}", appId), appAdminToken(appId));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("id").asText()).isEqualTo(appId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/apps/{id}", "/api/admin/apps/{id}/", "/api/admin/apps/"})
    void appWhenTokenHoldsOnlyKeysWriteThen200(String path) {
        // Whoever manages an app's keys sees them, and the app they belong to.
        String appId = registeredApp(Instant.now());
        awaitProjected();

        HttpResponse<String> response = get(path.replace("{id}", appId), appToken(appId, List.of("keys:write")));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/apps", "/api/admin/apps/"})
    void appsWhenTokenHoldsOnlySettingsWriteThenListHasItsOwnAppOnly(String path) {
        // given: the built-in admin of an app holds settings:write but not apps:write
        String appId = registeredApp(Instant.now());
        registeredApp(Instant.now());
        awaitProjected();

        // when
        HttpResponse<String> response = get(path + "?size=100", appAdminToken(appId));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ids(body(response))).containsExactly(appId);
        assertThat(body(response).get("total").asLong()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/admin/apps",
                "/api/admin/apps/",
                "/api/admin/apps/{id}",
                "/api/admin/apps/{id}/",
                "/api/admin/apps/{id}/keys"
            })
    void appsWhenPlainUserThen403Forbidden(String path) {
        String appId = registeredApp(Instant.now());
        awaitProjected();

        for (String token :
                List.of(accessToken(randomId(), randomId(), List.of(), 0L), accessToken(randomId(), randomId()))) {
            HttpResponse<String> response = get(path.replace("{id}", appId), token);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(response).get("code").asText()).isEqualTo("FORBIDDEN");
        }
    }

    @Test
    void appsWhenSubResourceWithoutRuleThen403EvenForAppsWrite() {
        String appId = registeredApp(Instant.now());

        assertThat(get("/api/admin/apps/" + appId + "/keys", operator).statusCode())
                .isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/apps", "/api/admin/apps/", "/api/admin/apps/{id}", "/api/admin/apps/{id}/"})
    void appsWhenNoTokenThen401InvalidToken(String path) {
        HttpResponse<String> response = get(path.replace("{id}", randomId()), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    private String registeredApp(Instant registeredAt) {
        String appId = randomId();
        publishTracked(new ClientAppRegistered(appId, "App " + appId, "client-" + appId, "operator-1", registeredAt));
        return appId;
    }

    private String issueKey(String appId, Instant issuedAt) {
        String keyId = randomId();
        publishTracked(new ApiKeyIssued(appId, keyId, prefixOf(keyId), hashOf(keyId), "operator-1", issuedAt));
        return keyId;
    }

    private static String prefixOf(String keyId) {
        return "wwk_live_" + keyId.substring(0, 4);
    }

    /** Unique per key and unlike anything else in a response, so finding it anywhere means it leaked. */
    private static String hashOf(String keyId) {
        return HexFormat.of()
                .formatHex(UUID.nameUUIDFromBytes(keyId.getBytes()).toString().getBytes());
    }

    private EventEnvelope publishTracked(ClientAppEvent event) {
        EventEnvelope envelope = publish(event);
        published.add(envelope.eventId());
        return envelope;
    }

    /** Every event published since the last call has been applied (or recorded as a duplicate). */
    private void awaitProjected() {
        List<String> ids = List.copyOf(published);
        published.clear();
        await().atMost(PROJECTED_WITHIN)
                .until(() -> jdbc.sql("select count(*) from processed_event where event_id in (:ids)")
                                .param("ids", ids)
                                .query(Long.class)
                                .single()
                        == ids.size());
    }

    private HttpResponse<String> awaitDetail(String appId) {
        awaitProjected();
        return get("/api/admin/apps/" + appId, operator);
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = get("/api/admin/apps" + query, operator);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return body(response);
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("id").asText())
                .toList();
    }

    private static void assertSettings(JsonNode settings, AppSettings expected) {
        assertThat(settings.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "login_methods",
                        "require_verified_email",
                        "access_token_minutes",
                        "refresh_token_days",
                        "password_min_length",
                        "cors_origins",
                        "link_base_url",
                        "sender_name");
        assertThat(settings.get("login_methods"))
                .extracting(JsonNode::asText)
                .containsExactlyElementsOf(expected.loginMethods());
        assertThat(settings.get("require_verified_email").asBoolean()).isEqualTo(expected.requireVerifiedEmail());
        assertThat(settings.get("access_token_minutes").asInt()).isEqualTo(expected.accessTokenMinutes());
        assertThat(settings.get("refresh_token_days").asInt()).isEqualTo(expected.refreshTokenDays());
        assertThat(settings.get("password_min_length").asInt()).isEqualTo(expected.passwordMinLength());
        assertThat(settings.get("cors_origins"))
                .extracting(JsonNode::asText)
                .containsExactlyElementsOf(expected.corsOrigins());
        assertThat(settings.get("link_base_url").asText()).isEqualTo(expected.linkBaseUrl());
        assertThat(settings.get("sender_name").asText()).isEqualTo(expected.senderName());
    }
}
