package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Users belong to client apps: the app is named by {@code client_id} (body or {@code X-Client-Id}), the
 * same address makes two users in two apps, tokens carry the app, and every flow honours the app's settings.
 */
class AppTokensIT extends ApiITSupport {

    @Test
    void registerWhenSameAddressInTwoAppsThenTwoUsersAndTokensNameTheirApp() {
        RegisteredApp shop = newApp("Shop");
        String email = newEmail();
        String defaultUser = register(email);

        String shopUser = registerIn(shop, email);
        JsonNode shopTokens = loginIn(shop, email, PASSWORD).json();
        JsonNode defaultTokens = login(email, PASSWORD);

        assertThat(shopUser).isNotEqualTo(defaultUser);
        JsonNode shopClaims = claimsOf(shopTokens.get("access").asText());
        assertThat(shopClaims.get("sub").asText()).isEqualTo(shopUser);
        assertThat(shopClaims.get("tenant").asText()).isEqualTo(shop.appId());
        assertThat(shopClaims.get("client_id").asText()).isEqualTo(shop.clientId());
        assertThat(shopClaims.get("aud").toString()).contains("\"watchword\"", "\"" + shop.clientId() + "\"");
        JsonNode defaultClaims = claimsOf(defaultTokens.get("access").asText());
        assertThat(defaultClaims.get("sub").asText()).isEqualTo(defaultUser);
        assertThat(defaultClaims.get("tenant").asText()).isEqualTo("default");
        assertThat(defaultClaims.get("aud").toString()).doesNotContain(shop.clientId());
    }

    @Test
    void requestWhenClientIdInHeaderThenThatApp() {
        RegisteredApp shop = newApp("Header shop");
        String email = newEmail();
        Http.Response registered = http.send(
                "POST",
                "/api/auth/register",
                Map.of("X-Client-Id", shop.clientId()),
                Map.of("email", email, "password", PASSWORD));

        assertThat(registered.status()).isEqualTo(202);
        assertThat(userIdIn(shop.appId(), email)).isNotBlank();
        Http.Response wrongApp = http.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(wrongApp.status()).isEqualTo(401);
        Http.Response conflicting = http.send(
                "POST",
                "/api/auth/login",
                Map.of("X-Client-Id", shop.clientId()),
                Map.of("email", email, "password", PASSWORD, "client_id", "app_other"));
        assertThat(conflicting.status()).isEqualTo(400);
        assertThat(conflicting.json().get("code").asText()).isEqualTo("UNKNOWN_CLIENT");
    }

    @Test
    void registerWhenClientIdUnknownThen400AndNothingRecorded() {
        String email = newEmail();
        long before = jdbc.sql("SELECT count(*) FROM domainevententry")
                .query(Long.class)
                .single();

        Http.Response response = http.post(
                "/api/auth/register",
                Map.of("email", email, "password", PASSWORD, "client_id", "app_doesnotexist0000000"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asText()).isEqualTo("UNKNOWN_CLIENT");
        assertThat(jdbc.sql("SELECT count(*) FROM email_registry WHERE email = ?")
                        .param(email)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void loginMethodsWhenOnlyEmailOtpThenEveryPasswordAndLinkPathForbidden() {
        RegisteredApp app = newApp("Codes only");
        String email = newEmail();
        String passwordUser = registerIn(app, email);
        change(app, Map.of("login_methods", List.of("email_otp")));
        String client = app.clientId();

        Map<String, Object> login = Map.of("email", email, "password", PASSWORD, "client_id", client);
        assertThat(code(http.post("/api/auth/login", login))).isEqualTo("LOGIN_METHOD_DISABLED");
        assertThat(code(http.post(
                        "/api/auth/login", Map.of("email", newEmail(), "password", PASSWORD, "client_id", client))))
                .as("same answer for an unknown address")
                .isEqualTo("LOGIN_METHOD_DISABLED");
        assertThat(code(http.post("/api/auth/magic-link", Map.of("email", email, "client_id", client))))
                .isEqualTo("LOGIN_METHOD_DISABLED");
        assertThat(code(http.post("/api/auth/password/reset", Map.of("email", email, "client_id", client))))
                .isEqualTo("LOGIN_METHOD_DISABLED");
        assertThat(code(http.post(
                        "/api/auth/register", Map.of("email", newEmail(), "password", PASSWORD, "client_id", client))))
                .isEqualTo("LOGIN_METHOD_DISABLED");
        long events = eventsOf(passwordUser);

        String codeOnly = newEmail();
        Http.Response passwordless = http.post("/api/auth/register", Map.of("email", codeOnly, "client_id", client));
        Http.Response otp = http.post("/api/auth/otp", Map.of("email", codeOnly, "client_id", client));

        assertThat(passwordless.status()).isEqualTo(202);
        assertThat(userIdIn(app.appId(), codeOnly)).isNotBlank();
        assertThat(otp.status()).isEqualTo(202);
        assertThat(eventsOf(passwordUser)).isEqualTo(events);
    }

    @Test
    void loginWhenAppRequiresVerifiedEmailThen403OnlyForTheRightPassword() {
        RegisteredApp app = newApp("Verified only");
        String email = newEmail();
        String userId = registerIn(app, email);
        change(app, Map.of("require_verified_email", true));

        Http.Response right = loginIn(app, email, PASSWORD);
        Http.Response wrong = loginIn(app, email, "not the password at all");

        assertThat(right.status()).isEqualTo(403);
        assertThat(right.json().get("code").asText()).isEqualTo("EMAIL_NOT_VERIFIED");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                                        + "AND payloadtype LIKE '%.LoginFailed' AND convert_from(payload, 'UTF8') LIKE '%EMAIL_NOT_VERIFIED%'")
                        .param(userId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void tokensWhenAppLifetimesSetThenAccessTokenAndSessionFollowThem() {
        RegisteredApp app = newApp("Lifetimes");
        String email = newEmail();
        String userId = registerIn(app, email);
        change(app, Map.of("access_token_minutes", 15, "refresh_token_days", 30));

        JsonNode tokens = loginIn(app, email, PASSWORD).json();

        JsonNode claims = claimsOf(tokens.get("access").asText());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(15 * 60);
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(15 * 60);
        String session = jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype LIKE '%.SessionStarted'")
                .param(userId)
                .query(String.class)
                .single();
        JsonNode started = claimsOfJson(session);
        assertThat(Duration.between(
                        java.time.Instant.parse(started.get("startedAt").asText()),
                        java.time.Instant.parse(started.get("expiresAt").asText())))
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void passwordWhenShorterThanAppMinimumThenRejected() {
        RegisteredApp app = newApp("Long passwords");
        change(app, Map.of("password_min_length", 40));

        Http.Response response = http.post(
                "/api/auth/register", Map.of("email", newEmail(), "password", PASSWORD, "client_id", app.clientId()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asText()).isEqualTo("PASSWORD_TOO_SHORT");
    }

    @Test
    void browserRequestWhenOriginNotTheAppsThenForbiddenAndPreflightAllowsOnlyListedOrigins() {
        RegisteredApp app = newApp("Browser app");
        change(app, Map.of("cors_origins", List.of("https://shop.example.com")));

        Http.Response preflight = http.send(
                "OPTIONS",
                "/api/auth/login",
                Map.of(
                        "Origin",
                        "https://shop.example.com",
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "content-type,x-client-id"),
                null);
        Http.Response foreignPreflight = http.send(
                "OPTIONS",
                "/api/auth/login",
                Map.of("Origin", "https://evil.example.net", "Access-Control-Request-Method", "POST"),
                null);
        Http.Response ownOrigin = http.send(
                "POST",
                "/api/auth/register",
                Map.of("Origin", "https://shop.example.com"),
                Map.of("email", newEmail(), "password", PASSWORD, "client_id", app.clientId()));
        RegisteredApp other = newApp("Other browser app");
        Http.Response otherApp = http.send(
                "POST",
                "/api/auth/register",
                Map.of("Origin", "https://shop.example.com"),
                Map.of("email", newEmail(), "password", PASSWORD, "client_id", other.clientId()));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
        assertThat(foreignPreflight.status()).isEqualTo(403);
        assertThat(ownOrigin.status()).isEqualTo(202);
        assertThat(otherApp.status()).isEqualTo(403);
        assertThat(otherApp.json().get("code").asText()).isEqualTo("ORIGIN_NOT_ALLOWED");
    }

    @Test
    void browserRequestWhenFromWatchwordsOwnOriginThenEveryAppServed() {
        RegisteredApp app = newApp("Console app");
        String email = newEmail();
        registerIn(app, email);
        // The admin dashboard's page: Watchword's own origin, which the gateway forwards as such; the app lists no
        // origin of its own.
        Map<String, String> ownOrigin = Map.of(
                "Origin",
                "http://localhost:8080",
                "X-Forwarded-Proto",
                "http",
                "X-Forwarded-Host",
                "localhost:8080",
                "X-Forwarded-Port",
                "8080");

        Http.Response login = http.send(
                "POST",
                "/api/auth/login/",
                ownOrigin,
                Map.of("email", email, "password", PASSWORD, "client_id", app.clientId()));
        Http.Response foreign = http.send(
                "POST",
                "/api/auth/login/",
                Map.of("Origin", "http://localhost:8081"),
                Map.of("email", email, "password", PASSWORD, "client_id", app.clientId()));

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.json().get("code").asText()).isEqualTo("ORIGIN_NOT_ALLOWED");
    }

    /** Changes some of an app's settings as the platform operator and waits until the directory applies them. */
    private void change(RegisteredApp app, Map<String, Object> changes) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("login_methods", List.of("password", "magic_link", "email_otp"));
        settings.put("require_verified_email", false);
        settings.put("access_token_minutes", 5);
        settings.put("refresh_token_days", 1);
        settings.put("password_min_length", 8);
        settings.put("cors_origins", List.of());
        settings.put("link_base_url", "http://localhost:8080");
        settings.put("sender_name", "Test app");
        settings.putAll(changes);
        Http.Response changed = put("/api/admin/apps/" + app.appId() + "/settings", rootAdminToken(), settings);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> appDirectory
                                .of(app.appId())
                                .accessTokenLifetime()
                                .equals(Duration.ofMinutes(((Number) settings.get("access_token_minutes")).longValue()))
                        && appDirectory.of(app.appId()).passwordMinLength()
                                == (Integer) settings.get("password_min_length")
                        && appDirectory.of(app.appId()).loginMethods().size()
                                == ((List<?>) settings.get("login_methods")).size()
                        && appDirectory.of(app.appId()).requireVerifiedEmail()
                                == (Boolean) settings.get("require_verified_email")
                        && appDirectory.of(app.appId()).corsOrigins().equals(settings.get("cors_origins")));
    }

    private static String code(Http.Response response) {
        assertThat(response.contentType()).as(response.body()).startsWith("application/problem+json");
        assertThat(response.status()).isEqualTo(response.json().get("status").asInt());
        return response.json().get("code").asText();
    }

    private static JsonNode claimsOfJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
