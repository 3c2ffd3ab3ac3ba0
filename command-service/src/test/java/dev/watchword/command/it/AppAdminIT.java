package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchword.command.apikey.ApiKeyDirectory;
import dev.watchword.command.apikey.AppCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Client apps through the admin API: registration with a key shown once and stored only as a hash,
 * key issue, rotation with grace and revocation as the in-memory directory sees them, settings validation, and
 * the filter chain and method security in front of it all.
 */
class AppAdminIT extends ApiITSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DIRECTORY = Duration.ofSeconds(30);

    @Autowired
    ApiKeyDirectory directory;

    @Test
    void registerWhenAdminThenKeyShownOnceAndOnlyItsHashInTheLog() {
        String admin = rootAdminToken();
        String name = "Shop " + UUID.randomUUID();

        Http.Response created = http.postWithBearer("/api/admin/apps/", admin, Map.of("name", name));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).contains("no-store");
        JsonNode app = created.json();
        String appId = app.get("id").asText();
        String key = app.get("api_key").asText();
        assertThat(key).startsWith("wwk_" + app.get("key_id").asText() + "_");
        assertThat(app.get("client_id").asText()).startsWith("app_").hasSize(24);
        assertThat(app.get("name").asText()).isEqualTo(name);
        JsonNode settings = app.get("settings");
        assertThat(settings.get("login_methods").toString()).isEqualTo("[\"password\",\"magic_link\",\"email_otp\"]");
        assertThat(settings.get("require_verified_email").asBoolean()).isFalse();
        assertThat(settings.get("access_token_minutes").asInt()).isEqualTo(5);
        assertThat(settings.get("refresh_token_days").asInt()).isEqualTo(1);
        assertThat(settings.get("password_min_length").asInt()).isEqualTo(8);
        assertThat(settings.get("cors_origins").size()).isZero();
        assertThat(settings.get("link_base_url").asText()).isEqualTo("http://localhost:8080");
        assertThat(settings.get("sender_name").asText()).isEqualTo(name);

        List<String> payloads = payloadsOf(appId);
        String secret = key.substring(key.lastIndexOf('_') + 1);
        assertThat(payloads).hasSize(3);
        assertThat(payloads).anySatisfy(p -> assertThat(p).contains(AppCredentials.hashOf(key)));
        assertThat(payloads).noneSatisfy(p -> assertThat(p).contains(key));
        assertThat(payloads).noneSatisfy(p -> assertThat(p).contains(secret));
        await().atMost(DIRECTORY)
                .until(() -> directory.appOf(key, clock.instant()).isPresent());
        assertThat(directory.appOf(key, clock.instant())).contains(appId);
    }

    @Test
    void rotateAndRevokeWhenKeysPresentedThenDirectoryHonoursGraceAndNeverARevokedKey() {
        String admin = rootAdminToken();
        JsonNode app = http.postWithBearer("/api/admin/apps", admin, Map.of("name", "Rotating"))
                .json();
        String appId = app.get("id").asText();
        String first = app.get("api_key").asText();
        String firstId = app.get("key_id").asText();

        Http.Response second = http.postWithBearer("/api/admin/apps/" + appId + "/keys/", admin, Map.of());
        Http.Response rotated =
                http.postWithBearer("/api/admin/apps/" + appId + "/keys/" + firstId + "/rotate", admin, Map.of());

        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(second.header("Cache-Control")).contains("no-store");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(201);
        assertThat(rotated.header("Cache-Control")).contains("no-store");
        String secondKey = second.json().get("api_key").asText();
        String third = rotated.json().get("api_key").asText();
        Instant firstValidUntil =
                Instant.parse(rotated.json().get("previous_valid_until").asText());
        assertThat(firstValidUntil)
                .isBetween(
                        clock.instant().plus(Duration.ofHours(23)),
                        clock.instant().plus(Duration.ofHours(25)));
        // The retirement has reached the directory once the old key stops at the end of its grace.
        await().atMost(DIRECTORY)
                .until(() -> directory.appOf(first, firstValidUntil).isEmpty());
        assertThat(directory.appOf(first, firstValidUntil.minusSeconds(1))).contains(appId);
        assertThat(directory.appOf(first, clock.instant())).contains(appId);
        assertThat(directory.appOf(third, clock.instant())).contains(appId);
        assertThat(directory.appOf(secondKey, clock.instant())).contains(appId);

        Http.Response revoked = http.deleteWithBearer(
                "/api/admin/apps/" + appId + "/keys/"
                        + second.json().get("key_id").asText() + "/",
                admin);
        Http.Response revokedAgain = http.deleteWithBearer(
                "/api/admin/apps/" + appId + "/keys/"
                        + second.json().get("key_id").asText(),
                admin);

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(revokedAgain.status()).isEqualTo(204);
        await().atMost(DIRECTORY)
                .until(() -> directory.appOf(secondKey, clock.instant()).isEmpty());
        assertThat(directory.appOf(secondKey.substring(0, secondKey.length() - 1) + "x", clock.instant()))
                .isEmpty();
        assertThat(directory.appOf("wwk_unknown_" + "A".repeat(43), clock.instant()))
                .isEmpty();
        assertThat(directory.appOf("", clock.instant())).isEmpty();

        clock.advance(Duration.between(clock.instant(), firstValidUntil).plusMinutes(1));

        assertThat(directory.appOf(first, clock.instant())).isEmpty();
        assertThat(directory.appOf(third, clock.instant())).contains(appId);
    }

    @Test
    void keysWhenAppOrKeyUnknownOrKeyRetiredThenProblemWithCode() {
        String admin = rootAdminToken();
        JsonNode app = http.postWithBearer("/api/admin/apps/", admin, Map.of("name", "Codes"))
                .json();
        String appId = app.get("id").asText();
        String keyId = app.get("key_id").asText();
        assertThat(http.postWithBearer("/api/admin/apps/" + appId + "/keys/" + keyId + "/rotate/", admin, Map.of())
                        .status())
                .isEqualTo(201);

        Http.Response rotateRetired =
                http.postWithBearer("/api/admin/apps/" + appId + "/keys/" + keyId + "/rotate/", admin, Map.of());
        Http.Response unknownKey = http.deleteWithBearer("/api/admin/apps/" + appId + "/keys/nosuchky/", admin);
        Http.Response unknownApp =
                http.postWithBearer("/api/admin/apps/" + UUID.randomUUID() + "/keys/", admin, Map.of());
        Http.Response userAsApp =
                http.postWithBearer("/api/admin/apps/" + register(newEmail()) + "/keys/", admin, Map.of());

        assertThat(rotateRetired.status()).isEqualTo(409);
        assertThat(rotateRetired.json().get("code").asText()).isEqualTo("API_KEY_NOT_ACTIVE");
        assertThat(unknownKey.status()).isEqualTo(404);
        assertThat(unknownKey.json().get("code").asText()).isEqualTo("API_KEY_NOT_FOUND");
        assertThat(unknownApp.status()).isEqualTo(404);
        assertThat(unknownApp.json().get("code").asText()).isEqualTo("APP_NOT_FOUND");
        assertThat(userAsApp.status()).isEqualTo(404);
        assertThat(userAsApp.json().get("code").asText()).isEqualTo("APP_NOT_FOUND");
    }

    @Test
    void changeSettingsWhenValidThenRecordedAndWhenInvalidThen400AndNothingChanged() {
        String admin = rootAdminToken();
        String appId = http.postWithBearer("/api/admin/apps/", admin, Map.of("name", "Settings"))
                .json()
                .get("id")
                .asText();
        Map<String, Object> valid = settings();

        Http.Response changed = put("/api/admin/apps/" + appId + "/settings/", admin, valid);

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("cors_origins").toString()).isEqualTo("[\"https://shop.example.com\"]");
        assertThat(changed.json().get("access_token_minutes").asInt()).isEqualTo(15);
        assertThat(settingsChanges(appId)).isEqualTo(2);

        assertThat(rejected(appId, admin, with(valid, "sender_name", "Shop\r\nBcc: victim@example.com")))
                .isEqualTo("SENDER_NAME_INVALID");
        assertThat(rejected(appId, admin, with(valid, "cors_origins", List.of("https://shop.example.com/app"))))
                .isEqualTo("CORS_ORIGIN_INVALID");
        assertThat(rejected(appId, admin, with(valid, "link_base_url", "http://shop.example.com")))
                .isEqualTo("LINK_BASE_URL_INVALID");
        assertThat(rejected(appId, admin, with(valid, "link_base_url", "https://pages.example.net/~shop")))
                .isEqualTo("LINK_BASE_URL_INVALID");
        assertThat(rejected(appId, admin, with(valid, "login_methods", List.of())))
                .isEqualTo("LOGIN_METHODS_INVALID");
        assertThat(rejected(appId, admin, with(valid, "access_token_minutes", 61)))
                .isEqualTo("ACCESS_TOKEN_MINUTES_OUT_OF_RANGE");
        assertThat(rejected(appId, admin, with(valid, "refresh_token_days", 91)))
                .isEqualTo("REFRESH_TOKEN_DAYS_OUT_OF_RANGE");
        assertThat(rejected(appId, admin, with(valid, "password_min_length", 7)))
                .isEqualTo("PASSWORD_MIN_LENGTH_OUT_OF_RANGE");
        Map<String, Object> partial = new LinkedHashMap<>(valid);
        partial.remove("sender_name");
        assertThat(rejected(appId, admin, partial)).isEqualTo("VALIDATION_FAILED");
        assertThat(settingsChanges(appId)).isEqualTo(2);

        Http.Response unknown = put("/api/admin/apps/" + UUID.randomUUID() + "/settings", admin, valid);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("APP_NOT_FOUND");
    }

    @Test
    void appsWhenCallerLacksPermissionOrTokenThenRefusedAndNothingRecorded() {
        String admin = rootAdminToken();
        String appId = http.postWithBearer("/api/admin/apps/", admin, Map.of("name", "Guarded"))
                .json()
                .get("id")
                .asText();
        String email = newEmail();
        String userId = register(email);
        String plainUser = login(email, PASSWORD).get("access").asText();

        Http.Response forbidden = http.postWithBearer("/api/admin/apps/", plainUser, Map.of("name", "Mine"));
        Http.Response forbiddenKey = http.postWithBearer("/api/admin/apps/" + appId + "/keys/", plainUser, Map.of());
        Http.Response forbiddenSettings = put("/api/admin/apps/" + appId + "/settings/", plainUser, settings());
        Http.Response anonymous = http.post("/api/admin/apps/", Map.of("name", "Anonymous"));
        Http.Response anonymousRevoke = http.deleteWithBearer("/api/admin/apps/" + appId + "/keys/x/", "not-a-token");

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(forbiddenKey.status()).isEqualTo(403);
        assertThat(forbiddenSettings.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymousRevoke.status()).isEqualTo(401);
        assertThat(payloadsOf(appId)).hasSize(3);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%.ClientAppRegistered' "
                                + "AND convert_from(payload, 'UTF8') LIKE ?")
                        .param("%" + userId + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void changeLinkBaseWhenApiKeyThenRefusedAndNothingRecordedButOtherSettingsChange() {
        RegisteredApp app = newApp("Key holder");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> directory.keyOf(app.apiKey(), clock.instant()).isPresent());
        long before = settingsChanges(app.appId());

        Http.Response hijack = put(
                "/api/admin/apps/" + app.appId() + "/settings/",
                app.apiKey(),
                with(settings(), "link_base_url", "https://attacker.example"));
        Http.Response kept = put(
                "/api/admin/apps/" + app.appId() + "/settings/",
                app.apiKey(),
                with(settings(), "link_base_url", "http://localhost:8080"));

        assertThat(hijack.status()).as(hijack.body()).isEqualTo(403);
        assertThat(hijack.contentType()).startsWith("application/problem+json");
        assertThat(hijack.json().get("code").asText()).isEqualTo("LINK_BASE_URL_CHANGE_NOT_PERMITTED");
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(settingsChanges(app.appId())).isEqualTo(before + 1);
        assertThat(payloadsOf(app.appId())).noneMatch(payload -> payload.contains("attacker.example"));
    }

    @Test
    void changeLinkBaseWhenAppAdminJustSignedInThenChangedAndWhenSignedInLongAgoThenFreshLoginRequired() {
        RegisteredApp app = newApp("Fresh proof");
        String email = newEmail();
        String userId = registerIn(app, email);
        assertThat(http.postWithBearer(
                                "/api/admin/users/" + userId + "/roles/", rootAdminToken(), Map.of("role", "admin"))
                        .status())
                .isEqualTo(204);
        JsonNode tokens = loginIn(app, email, PASSWORD).json();

        Http.Response fresh = put(
                "/api/admin/apps/" + app.appId() + "/settings/",
                tokens.get("access").asText(),
                with(settings(), "link_base_url", "https://accounts.shop.example.com"));
        clock.advance(Duration.ofMinutes(6));
        String later = http.post(
                        "/api/auth/token/refresh/",
                        Map.of("refresh", tokens.get("refresh").asText()))
                .json()
                .get("access")
                .asText();
        long before = settingsChanges(app.appId());
        Http.Response stale = put(
                "/api/admin/apps/" + app.appId() + "/settings/",
                later,
                with(settings(), "link_base_url", "https://attacker.example"));

        assertThat(fresh.status()).as(fresh.body()).isEqualTo(200);
        assertThat(fresh.json().get("link_base_url").asText()).isEqualTo("https://accounts.shop.example.com");
        assertThat(stale.status()).as(stale.body()).isEqualTo(403);
        assertThat(stale.json().get("code").asText()).isEqualTo("FRESH_LOGIN_REQUIRED");
        assertThat(settingsChanges(app.appId())).isEqualTo(before);
    }

    private String rejected(String appId, String admin, Map<String, Object> body) {
        Http.Response response = put("/api/admin/apps/" + appId + "/settings/", admin, body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        return response.json().get("code").asText();
    }

    private static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("login_methods", List.of("password", "email_otp"));
        settings.put("require_verified_email", true);
        settings.put("access_token_minutes", 15);
        settings.put("refresh_token_days", 30);
        settings.put("password_min_length", 12);
        settings.put("cors_origins", List.of("https://shop.example.com"));
        settings.put("link_base_url", "https://shop.example.com");
        settings.put("sender_name", "Shop Accounts");
        return settings;
    }

    private static Map<String, Object> with(Map<String, Object> settings, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(settings);
        changed.put(field, value);
        return changed;
    }

    private long settingsChanges(String appId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                        + "AND payloadtype LIKE '%.AppSettingsChanged'")
                .param(appId)
                .query(Long.class)
                .single();
    }

    private List<String> payloadsOf(String appId) {
        return jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?")
                .param(appId)
                .query(String.class)
                .list();
    }
}
