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
 * Cookie mode of the refresh token through the HTTP API: asked for per request with
 * {@code X-Watchword-Refresh: cookie}, the refresh token lives only in an HttpOnly, Secure, SameSite=Strict cookie
 * scoped to the token paths, one per app, and is read only together with that header (the CSRF defence). Same
 * configuration as {@link CommandServiceIT}, so Spring reuses its context.
 */
class RefreshCookieIT extends ApiITSupport {

    private static final Map<String, String> COOKIE_MODE = Map.of("X-Watchword-Refresh", "cookie");
    private static final String DEFAULT_COOKIE = "__Secure-watchword-refresh-default";

    private Http.Response cookieLogin(String email) {
        return http.send("POST", "/api/auth/login/", COOKIE_MODE, Map.of("email", email, "password", PASSWORD));
    }

    private Http.Response withCookie(String path, String name, String value, boolean cookieMode) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", name + "=" + value);
        if (cookieMode) {
            headers.putAll(COOKIE_MODE);
        }
        return http.send("POST", path, headers, null);
    }

    /** The value of the Set-Cookie for {@code name}, with its attributes. */
    private static String setCookie(Http.Response response, String name) {
        return response.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .filter(cookie -> cookie.startsWith(name + "="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + response.headers()));
    }

    private static String valueOf(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
    }

    @Test
    void loginWhenCookieModeThenRefreshTokenOnlyInAnHttpOnlyStrictCookieOfTheTokenPaths() {
        String email = newEmail();
        register(email);

        Http.Response login = cookieLogin(email);

        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().has("refresh")).isFalse();
        assertThat(login.json().get("access").asText()).isNotBlank();
        String cookie = setCookie(login, DEFAULT_COOKIE);
        assertThat(cookie)
                .contains(
                        "; Path=/api/auth/token/",
                        "; Secure",
                        "; HttpOnly",
                        "; SameSite=Strict",
                        "; Max-Age="
                                + appDirectory.of(null).refreshTokenLifetime().toSeconds());
        assertThat(valueOf(cookie)).isNotBlank();
    }

    @Test
    void refreshWhenCookieModeThenCookieRotatedAndTheOldOneRefusedFromAnotherClient() {
        String email = newEmail();
        register(email);
        String first = valueOf(setCookie(cookieLogin(email), DEFAULT_COOKIE));

        Http.Response refreshed = withCookie("/api/auth/token/refresh/", DEFAULT_COOKIE, first, true);

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().has("refresh")).isFalse();
        String second = valueOf(setCookie(refreshed, DEFAULT_COOKIE));
        assertThat(second).isNotEqualTo(first);
        assertThat(withCookie("/api/auth/token/refresh/", DEFAULT_COOKIE, second, true)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refreshWhenCookieWithoutTheHeaderThenNotReadAndNothingIssued() {
        String email = newEmail();
        register(email);
        String cookie = valueOf(setCookie(cookieLogin(email), DEFAULT_COOKIE));

        // a cross-site form or a plain request carries the cookie at most, never the header
        Http.Response forged = withCookie("/api/auth/token/refresh/", DEFAULT_COOKIE, cookie, false);

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("code").asText()).isEqualTo("REFRESH_TOKEN_MISSING");
        assertThat(forged.headers().keySet()).noneMatch("Set-Cookie"::equalsIgnoreCase);
        assertThat(withCookie("/api/auth/token/refresh/", DEFAULT_COOKIE, cookie, true)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void refreshWhenCookieModeWithoutCookieThenTheAnswerOfADeadToken() {
        Http.Response refreshed = http.send("POST", "/api/auth/token/refresh/", COOKIE_MODE, null);

        assertThat(refreshed.status()).isEqualTo(401);
        assertThat(refreshed.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    @Test
    void logoutWhenCookieModeThenSessionEndedAndCookieCleared() {
        String email = newEmail();
        register(email);
        String cookie = valueOf(setCookie(cookieLogin(email), DEFAULT_COOKIE));

        Http.Response logout = withCookie("/api/auth/token/logout/", DEFAULT_COOKIE, cookie, true);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(setCookie(logout, DEFAULT_COOKIE))
                .startsWith(DEFAULT_COOKIE + "=;")
                .contains("Max-Age=0", "Path=/api/auth/token/");
        Http.Response after = withCookie("/api/auth/token/refresh/", DEFAULT_COOKIE, cookie, true);
        assertThat(after.status()).isEqualTo(401);
        assertThat(http.send("POST", "/api/auth/token/logout/", COOKIE_MODE, null)
                        .status())
                .isEqualTo(204);
    }

    @Test
    void loginWhenCookieModeInAClientAppThenTheCookieIsTheAppsAndCorsAllowsCredentialsForItsOrigin() {
        RegisteredApp app = newApp("cookie-mode");
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("login_methods", List.of("password"));
        settings.put("require_verified_email", false);
        settings.put("access_token_minutes", 5);
        settings.put("refresh_token_days", 7);
        settings.put("password_min_length", 8);
        settings.put("cors_origins", List.of("https://shop.example.com"));
        settings.put("link_base_url", "https://shop.example.com");
        settings.put("sender_name", "Shop");
        Http.Response changed = put("/api/admin/apps/" + app.appId() + "/settings", rootAdminToken(), settings);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> appDirectory.of(app.appId()).corsOrigins().contains("https://shop.example.com"));
        String email = newEmail();
        registerIn(app, email);
        String appCookie = "__Secure-watchword-refresh-" + app.clientId();

        Http.Response preflight = http.send(
                "OPTIONS",
                "/api/auth/token/refresh/",
                Map.of(
                        "Origin",
                        "https://shop.example.com",
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "content-type,x-client-id,x-watchword-refresh"),
                null);
        Http.Response login = http.send(
                "POST",
                "/api/auth/login/",
                Map.of("X-Watchword-Refresh", "cookie", "Origin", "https://shop.example.com"),
                Map.of("email", email, "password", PASSWORD, "client_id", app.clientId()));

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example.com");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        String cookie = setCookie(login, appCookie);
        assertThat(cookie).contains("; Max-Age=" + Duration.ofDays(7).toSeconds());
        Http.Response refreshed = http.send(
                "POST",
                "/api/auth/token/refresh/",
                Map.of(
                        "X-Watchword-Refresh",
                        "cookie",
                        "X-Client-Id",
                        app.clientId(),
                        "Cookie",
                        appCookie + "=" + valueOf(cookie)),
                null);
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        JsonNode claims = claimsOf(refreshed.json().get("access").asText());
        assertThat(claims.get("client_id").asText()).isEqualTo(app.clientId());
        assertThat(setCookie(refreshed, appCookie))
                .contains("; Max-Age=" + Duration.ofDays(7).toSeconds());
    }
}
