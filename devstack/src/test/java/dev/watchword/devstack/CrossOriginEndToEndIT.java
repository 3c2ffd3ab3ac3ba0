package dev.watchword.devstack;

import static dev.watchword.devstack.EndToEndStack.json;
import static dev.watchword.devstack.EndToEndStack.problemCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A browser app on its own origin calls the API through the public origin: the CORS preflight of every
 * browser-facing path, command side and query side, is answered by the service behind the gateway with the app's
 * {@code cors_origins}, and an origin no app lists gets the documented 403 problem {@code ORIGIN_NOT_ALLOWED}
 * (OWASP ASVS 5.0 V3.4.2).
 */
class CrossOriginEndToEndIT {

    private static final String PASSWORD = "lantern orbit pickle saga 42";

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static final String OPERATOR = "operator-" + UUID.randomUUID() + "@example.com";

    private static final String SHOP = "https://shop.example.com";

    private static final String STRANGER = "https://stranger.example.net";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Method and path of every request a browser app makes, with the service that answers it. */
    private static final List<List<String>> BROWSER_REQUESTS = List.of(
            // command-service
            List.of("POST", "/api/auth/register/"),
            List.of("POST", "/api/auth/login/"),
            List.of("POST", "/api/users/register/"),
            List.of("POST", "/api/users/token/"),
            List.of("POST", "/api/auth/token/refresh/"),
            List.of("POST", "/api/auth/logout/"),
            List.of("POST", "/api/auth/token/logout/"),
            List.of("POST", "/api/auth/logout/everywhere/"),
            List.of("POST", "/api/auth/verify-email/"),
            List.of("POST", "/api/auth/verify-email/resend/"),
            List.of("POST", "/api/auth/password/reset/"),
            List.of("POST", "/api/auth/password/reset/confirm/"),
            List.of("POST", "/api/auth/password/change/"),
            List.of("POST", "/api/auth/email/change/"),
            List.of("POST", "/api/auth/email/change/confirm/"),
            List.of("POST", "/api/auth/magic-link/"),
            List.of("POST", "/api/auth/magic-link/login/"),
            List.of("POST", "/api/auth/otp/"),
            List.of("POST", "/api/auth/otp/verify/"),
            List.of("DELETE", "/api/auth/sessions/" + UUID.randomUUID() + "/"),
            List.of("POST", "/api/admin/users/" + UUID.randomUUID() + "/disable/"),
            List.of("DELETE", "/api/admin/users/" + UUID.randomUUID() + "/"),
            List.of("PUT", "/api/admin/apps/" + UUID.randomUUID() + "/settings/"),
            // query-service
            List.of("GET", "/api/users/me/"),
            List.of("GET", "/api/auth/sessions/"),
            List.of("GET", "/api/admin/users/"),
            List.of("GET", "/api/admin/users/" + UUID.randomUUID() + "/"),
            List.of("GET", "/api/admin/audit/"),
            List.of("GET", "/api/admin/activity/daily/"),
            List.of("GET", "/api/admin/apps/default/roles/"),
            List.of("POST", "/api/admin/replays/"));

    private static EndToEndStack stack;

    @BeforeAll
    static void startStack() throws SQLException {
        stack = EndToEndStack.start("watchword_cors_", Map.of("WATCHWORD_BOOTSTRAP_ADMIN_EMAIL", OPERATOR));
    }

    @AfterAll
    static void stopStack() throws SQLException {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void preflightWhenOriginOfAnAppThenEveryBrowserPathAllowedThroughTheGateway() throws Exception {
        // given: an app whose pages live on their own origin
        String operator = stack.platformOperatorToken(OPERATOR, PASSWORD);
        HttpResponse<String> created = stack.post("/api/admin/apps/", json("name", "Shop"), operator);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String appId = JsonPath.read(created.body(), "$.id");
        String clientId = JsonPath.read(created.body(), "$.client_id");
        HttpResponse<String> configured =
                stack.put("/api/admin/apps/" + appId + "/settings/", """
				{"login_methods":["password"],"require_verified_email":false,"access_token_minutes":15,
				 "refresh_token_days":30,"password_min_length":12,"cors_origins":["%s"],
				 "link_base_url":"https://shop.example.com","sender_name":"Shop"}""".formatted(SHOP), operator);
        assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);

        // then: each preflight from the app's origin passes, on both services (query-service learns the origin
        // from the event stream)
        for (List<String> request : BROWSER_REQUESTS) {
            String method = request.get(0);
            String path = request.get(1);
            HttpResponse<String> preflight = await(method + " " + path)
                    .atMost(EVENTUALLY)
                    .until(() -> preflight(path, SHOP, method), response -> response.statusCode() == 200);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(path)
                    .hasValue(SHOP);
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
                    .as(path)
                    .hasValueSatisfying(methods -> assertThat(methods).contains(method));
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                    .as(path)
                    .hasValueSatisfying(headers ->
                            assertThat(headers.toLowerCase()).contains("authorization", "content-type", "x-client-id"));
            // Credentials (cookie mode's refresh cookie) on command-service's /api/auth/** only.
            boolean cookiePath =
                    path.startsWith("/api/auth/") && !(method.equals("GET") && path.startsWith("/api/auth/sessions"));
            if (cookiePath) {
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                        .as(path)
                        .hasValue("true");
            } else {
                assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials"))
                        .as(path)
                        .isEmpty();
            }
        }

        // and the request itself is readable by the app's pages
        HttpResponse<String> registered = HTTP.send(
                HttpRequest.newBuilder(uri("/api/auth/register/"))
                        .header("Origin", SHOP)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(
                                "email",
                                "shopper-" + UUID.randomUUID() + "@example.com",
                                "password",
                                PASSWORD,
                                "client_id",
                                clientId)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        assertThat(registered.headers().firstValue("Access-Control-Allow-Origin"))
                .hasValue(SHOP);
    }

    @Test
    void preflightWhenOriginOfNoAppThenOriginNotAllowedProblemOnEveryBrowserPath() throws Exception {
        for (List<String> request : BROWSER_REQUESTS) {
            HttpResponse<String> preflight = preflight(request.get(1), STRANGER, request.get(0));

            assertThat(preflight.statusCode()).as(request.get(1)).isEqualTo(403);
            assertThat(problemCode(preflight)).as(request.get(1)).isEqualTo("ORIGIN_NOT_ALLOWED");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(request.get(1))
                    .isEmpty();
        }
    }

    private static HttpResponse<String> preflight(String path, String origin, String method)
            throws IOException, InterruptedException {
        return HTTP.send(
                HttpRequest.newBuilder(uri(path))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", method)
                        .header("Access-Control-Request-Headers", "authorization,content-type,x-client-id")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create(stack.gatewayUrl() + path);
    }
}
