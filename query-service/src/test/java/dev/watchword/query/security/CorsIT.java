package dev.watchword.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Browsers of client apps: preflights are admitted for the service-wide origin
 * ({@code https://console.watchword.test} in application-it.yml) and for every app's {@code cors_origins}, and a
 * request with a token of one app is refused from another app's origin.
 */
class CorsIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);
    private static final String SERVICE_WIDE = "https://console.watchword.test";

    private String appX;
    private String originX;
    private String appY;
    private String originY;

    @BeforeEach
    void twoAppsWithAnOriginEach() {
        appX = "app-" + UUID.randomUUID();
        originX = "https://x-" + UUID.randomUUID() + ".example.com";
        appY = "app-" + UUID.randomUUID();
        originY = "https://y-" + UUID.randomUUID() + ".example.com";
        register(appX, originX);
        register(appY, originY);
        await().atMost(PROJECTED_WITHIN)
                .until(() -> preflight("/api/users/me", originX).statusCode() == 200
                        && preflight("/api/users/me", originY).statusCode() == 200);
    }

    @Test
    void preflightWhenOriginOfAnAppThenAllowedWithTheSdkHeadersAndNoCredentials() {
        HttpResponse<String> response = preflight("/api/auth/sessions", originX);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(originX);
        assertThat(header(response, "Access-Control-Allow-Methods")).contains("GET", "POST", "DELETE");
        assertThat(header(response, "Access-Control-Allow-Headers").toLowerCase())
                .contains("authorization", "x-client-id");
        assertThat(header(response, "Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials"))
                .isEmpty();
    }

    @Test
    void preflightWhenServiceWideOriginThenAllowed() {
        HttpResponse<String> response = preflight("/api/users/me", SERVICE_WIDE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(SERVICE_WIDE);
    }

    @Test
    void preflightWhenOriginOfNoAppThenRefusedWithOriginNotAllowedProblem() {
        HttpResponse<String> response = preflight("/api/users/me", "https://evil-" + UUID.randomUUID() + ".example");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(header(response, "Content-Type")).startsWith("application/problem+json");
        assertThat(body(response).get("code").asText()).isEqualTo("ORIGIN_NOT_ALLOWED");
        assertThat(body(response).get("status").asInt()).isEqualTo(403);
    }

    @Test
    void preflightWhenAdminReadFromOriginOfAnAppThenAllowed() {
        HttpResponse<String> response = preflight("/api/admin/users/", originX);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(originX);
    }

    @Test
    void preflightWhenAppDroppedItsOriginThenRefused() {
        // when
        publish(new AppSettingsChanged(appX, settings(List.of()), "admin-x", Instant.now()));

        // then
        await().atMost(PROJECTED_WITHIN)
                .until(() -> preflight("/api/users/me", originX).statusCode() == 403);
        assertThat(preflight("/api/users/me", originY).statusCode()).isEqualTo(200);
    }

    @Test
    void getWhenTokenOfAppFromItsOwnOriginThenServedWithCorsHeaders() {
        HttpResponse<String> response = getFrom("/api/auth/sessions", appToken(appX, List.of()), originX);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Access-Control-Allow-Origin")).isEqualTo(originX);
    }

    @Test
    void getWhenTokenOfAppFromServiceWideOriginThenServed() {
        assertThat(getFrom("/api/auth/sessions", appToken(appX, List.of()), SERVICE_WIDE)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void getWhenAdminTokenOfAppFromWatchwordsOwnOriginThenServed() {
        // The admin dashboard's pages: Watchword's public origin serves every app.
        HttpResponse<String> preflight = preflight("/api/admin/users", "http://localhost:8080");
        HttpResponse<String> read = getFrom("/api/admin/users", appAdminToken(appX), "http://localhost:8080");

        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo("http://localhost:8080");
        assertThat(read.statusCode()).isEqualTo(200);
    }

    @Test
    void getWhenTokenOfAppFromOriginOfAnotherAppThenForbiddenOriginNotAllowed() {
        HttpResponse<String> response = getFrom("/api/users/me", appToken(appX, List.of()), originY);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body(response).get("code").asText()).isEqualTo("ORIGIN_NOT_ALLOWED");
        assertThat(body(response).get("status").asInt()).isEqualTo(403);
    }

    @Test
    void getWhenAdminTokenOfAppFromOriginOfAnotherAppThenForbiddenOriginNotAllowed() {
        HttpResponse<String> own = getFrom("/api/admin/users", appAdminToken(appX), originX);
        HttpResponse<String> other = getFrom("/api/admin/users", appAdminToken(appX), originY);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(body(other).get("code").asText()).isEqualTo("ORIGIN_NOT_ALLOWED");
    }

    @Test
    void getWhenTokenOfDefaultAppThenOnlyTheServiceWideOrigin() {
        String token = accessToken(randomId(), randomId());

        HttpResponse<String> fromApp = getFrom("/api/auth/sessions", token, originX);
        HttpResponse<String> fromServiceWide = getFrom("/api/auth/sessions", token, SERVICE_WIDE);

        assertThat(fromApp.statusCode()).isEqualTo(403);
        assertThat(body(fromApp).get("code").asText()).isEqualTo("ORIGIN_NOT_ALLOWED");
        assertThat(fromServiceWide.statusCode()).isEqualTo(200);
    }

    private void register(String appId, String origin) {
        publish(new ClientAppRegistered(appId, appId, "client-" + appId, "operator", Instant.now()));
        publish(new AppSettingsChanged(appId, settings(List.of(origin)), "admin-" + appId, Instant.now()));
    }

    private static AppSettings settings(List<String> corsOrigins) {
        return new AppSettings(List.of("password"), false, 15, 30, 10, corsOrigins, null, null);
    }

    private HttpResponse<String> preflight(String path, String origin) {
        return send(
                path,
                request -> request.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "authorization,x-client-id"),
                null);
    }

    private HttpResponse<String> getFrom(String path, String accessToken, String origin) {
        return send(path, request -> request.GET().header("Origin", origin), accessToken);
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }
}
