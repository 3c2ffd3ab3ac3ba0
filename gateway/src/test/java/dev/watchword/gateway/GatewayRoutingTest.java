package dev.watchword.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    static final StubUpstream COMMAND = StubUpstream.start("command");

    static final StubUpstream QUERY = StubUpstream.start("query");

    final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("COMMAND_SERVICE_URL", COMMAND::url);
        registry.add("QUERY_SERVICE_URL", QUERY::url);
    }

    @AfterAll
    static void stopUpstreams() {
        COMMAND.close();
        QUERY.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/users/me", "/api/users/me/", "/api/users/me/sessions?page=2"})
    void getWhenProfilePathThenRoutedToQueryServiceUnchanged(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"query\"");
        assertThat(QUERY.lastPath()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/auth/login/",
                "/api/auth/login",
                "/api/auth/token/refresh/",
                "/api/users/register",
                "/api/users/register/",
                "/api/users/token",
                "/api/users/token/"
            })
    void postWhenCommandPathThenRoutedToCommandServiceUnchangedWithBody(String path) throws Exception {
        String json = "{\"email\":\"a@example.com\",\"password\":\"correct horse\"}";

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"command\"");
        assertThat(COMMAND.lastPath()).isEqualTo(path);
        assertThat(COMMAND.lastBody()).isEqualTo(json);
        assertThat(COMMAND.lastHeader("Content-Length")).isEqualTo(String.valueOf(json.length()));
        assertThat(COMMAND.lastHeader("Transfer-Encoding")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/integrity/verify", "/api/admin/integrity/verify/"})
    void getWhenChainVerificationThenRoutedToCommandService(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"command\"");
        assertThat(COMMAND.lastPath()).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource({
        "/api/docs/command, command",
        "/api/docs/command/, command",
        "/api/docs/query, query",
        "/api/docs/query/, query"
    })
    void getWhenApiDocsPathThenEachServicesOpenApiDocument(String path, String service) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"" + service + "\"");
        assertThat(("command".equals(service) ? COMMAND : QUERY).lastPath()).isEqualTo("/v3/api-docs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/sessions", "/api/auth/sessions/"})
    void getWhenSessionsPathThenRoutedToQueryService(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"query\"");
        assertThat(QUERY.lastPath()).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource({
        "DELETE, /api/auth/sessions/some-session-id",
        "DELETE, /api/auth/sessions/some-session-id/",
        "POST, /api/auth/sessions/",
        "DELETE, /api/auth/sessions",
        "POST, /api/auth/logout/everywhere",
        "POST, /api/auth/logout/everywhere/",
        "GET, /api/auth/sessions/some-session-id"
    })
    void requestWhenSessionsPathButNotTheListThenRoutedToCommandService(String method, String path) throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"command\"");
        assertThat(COMMAND.lastPath()).isEqualTo(path);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/admin/users",
                "/api/admin/users/",
                "/api/admin/users/some-user-id/",
                "/api/admin/users/some-user-id/logins?page=2&size=50",
                "/api/admin/users?status=disabled&q=%40example.com",
                "/api/admin/activity/daily/?from=2026-01-01&to=2026-01-31",
                "/api/admin/activity/monthly?month=2026-01"
            })
    void getWhenAdminPathThenRoutedToQueryServiceUnchanged(String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer admin.token.here")
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"query\"");
        assertThat(QUERY.lastPath()).isEqualTo(path);
        assertThat(QUERY.lastHeader("Authorization")).isEqualTo("Bearer admin.token.here");
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /api/admin/replays",
        "POST, /api/admin/replays/",
        "GET, /api/admin/replays/some-id/",
        "POST, /api/admin/replays/some-id/switch/",
        "DELETE, /api/admin/replays/some-id"
    })
    void requestWhenReplayPathThenRoutedToQueryService(String method, String path) throws Exception {
        String json = "{\"projection\":\"admin_user_row\"}";

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        "GET".equals(method)
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"query\"");
        assertThat(QUERY.lastPath()).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource({
        "POST, /api/admin/users/some-user-id/roles/",
        "DELETE, /api/admin/users/some-user-id/roles/admin",
        "POST, /api/admin/users/some-user-id/disable",
        "PUT, /api/admin/settings/",
        "PATCH, /api/admin/users/x",
        "DELETE, /api/admin/users/some-user-id/sessions/",
        "OPTIONS, /api/admin/users/"
    })
    void requestWhenAdminPathButNotGetThenRoutedToCommandService(String method, String path) throws Exception {
        String json = "{\"role\":\"admin\"}";

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        "OPTIONS".equals(method)
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"command\"");
        assertThat(COMMAND.lastPath()).isEqualTo(path);
        if (!"OPTIONS".equals(method)) {
            assertThat(COMMAND.lastBody()).isEqualTo(json);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/token/introspect", "/api/auth/token/introspect/"})
    void postWhenIntrospectionPathThenRoutedToQueryServiceWithFormAndCredentials(String path) throws Exception {
        String form = "token=abc.def.ghi&token_type_hint=access_token";

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic Y2xpZW50OnNlY3JldA==")
                .POST(HttpRequest.BodyPublishers.ofString(form)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"query\"");
        assertThat(QUERY.lastPath()).isEqualTo(path);
        assertThat(QUERY.lastBody()).isEqualTo(form);
        assertThat(QUERY.lastHeader("Authorization")).isEqualTo("Basic Y2xpZW50OnNlY3JldA==");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/.well-known/jwks.json",
                "/verify-email",
                "/verify-email/",
                "/reset-password",
                "/reset-password/",
                "/magic-link",
                "/magic-link/",
                "/confirm-email-change",
                "/confirm-email-change/"
            })
    void getWhenPublicCommandPageThenRoutedToCommandService(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(COMMAND.lastPath()).isEqualTo(path);
    }

    @Test
    void proxyWhenClientSendsForwardedHeadersThenUpstreamSeesOnlyTheGatewaysOwn() throws Exception {
        send(HttpRequest.newBuilder(uri("/api/users/me/"))
                .header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Proto", "https")
                .GET());

        assertThat(QUERY.lastHeader("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(QUERY.lastHeader("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(QUERY.lastHeader("X-Forwarded-Port")).isEqualTo(String.valueOf(port));
        assertThat(QUERY.lastHeader("X-Forwarded-Host")).isEqualTo("localhost:" + port);
        assertThat(QUERY.lastHeader("Host")).isEqualTo(QUERY.url().substring("http://".length()));
        assertThat(QUERY.lastHeader("Forwarded")).isNull();
        assertThat(QUERY.lastHeader("Via")).isNull();
    }

    @Test
    void proxyWhenUpstreamAnswersThenOneDateAndNoServerNameOrVersion() throws Exception {
        HttpResponse<String> response = get("/api/users/me");

        assertThat(response.headers().allValues("Date")).hasSize(1);
        assertThat(response.headers().firstValue("Server")).isEmpty();
    }

    @Test
    void proxyWhenUpstreamSetsSecurityHeadersThenEachAppearsOnceWithTheGatewaysValue() throws Exception {
        HttpResponse<String> response = get("/api/auth/login/");

        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(response.headers().allValues("Strict-Transport-Security")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/unknown", "/api/users", "/api/users/someone-else", "/admin/"})
    void getWhenNoRouteThenNotFoundProblem(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"code\":\"NOT_FOUND\"", "\"status\":404")
                .doesNotContain("Exception", "trace");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    /** Sent as written (the JDK's client leaves dot segments alone); Jetty's own rejections are problems too. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/users/me/../../internal/keys",
                "/api/users/me/./",
                "/api/users/me/%2e%2e/%2e%2e/internal/keys",
                "/api/users/me/..%2f..%2finternal/keys",
                "/api/auth/login//"
            })
    void getWhenPathCouldLeaveItsRouteThenBadRequestProblemAndNothingForwarded(String path) throws Exception {
        QUERY.forget();
        COMMAND.forget();

        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":400").doesNotContain("Ambiguous", "<html");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(QUERY.lastPath()).isNull();
        assertThat(COMMAND.lastPath()).isNull();
    }

    @Test
    void readinessWhenStartedThenUp() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("UP");
    }

    /**
     * A browser's CORS preflight (Fetch standard, CORS-preflight request) is answered by the service that holds the
     * allowlist, the union of every app's origins, not by the gateway, which knows no app: the service the request
     * itself will reach, as routes match a preflight by the method it announces.
     */
    @ParameterizedTest
    @CsvSource({
        "/api/auth/login/, POST, command",
        "/api/users/me/, GET, query",
        "/api/admin/users/, GET, query",
        "/api/auth/sessions/, GET, query",
        "/api/auth/sessions/s1/, DELETE, command",
        "/api/admin/users/u1/roles/, POST, command",
        "/api/admin/replays/, POST, query"
    })
    void preflightWhenRoutedPathThenForwardedToTheUpstreamWithOriginAndRequestHeaders(
            String path, String method, String service) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example.com")
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type"));

        StubUpstream upstream = service.equals("query") ? QUERY : COMMAND;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"" + service + "\"");
        assertThat(upstream.lastPath()).isEqualTo(path);
        assertThat(upstream.lastHeader("Origin")).isEqualTo("https://shop.example.com");
        assertThat(upstream.lastHeader("Access-Control-Request-Method")).isEqualTo(method);
        assertThat(upstream.lastHeader("Access-Control-Request-Headers")).isEqualTo("authorization,content-type");
        // A browser sends a preflight without a body or its length; the services refuse a chunked one (411).
        assertThat(upstream.lastHeader("Transfer-Encoding")).isNull();
        assertThat(upstream.lastHeader("Content-Length")).isIn(null, "0");
        assertThat(upstream.lastBody()).isEmpty();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
