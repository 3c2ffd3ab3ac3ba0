package dev.watchword.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The admin dashboard at /admin: its files, index.html for the app's own routes, nothing outside its directory, a
 * content security policy that allows this origin only, and hashed assets cached while the page never is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayDashboardTest {

    static final Path DIST = dist();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dashboard(DynamicPropertyRegistry registry) {
        registry.add("watchword.dashboard.dir", () -> DIST.toString());
    }

    private static Path dist() {
        try {
            Path root = Files.createTempDirectory("watchword-dashboard");
            Files.writeString(root.resolve("index.html"), "<!doctype html><title>Watchword admin</title>");
            Files.createDirectories(root.resolve("assets"));
            Files.writeString(root.resolve("assets/index-abc123.js"), "console.log('admin')");
            Files.writeString(root.getParent().resolve("watchword-secret.txt"), "not to be served");
            return root;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/", "/admin/users/42", "/admin/apps"})
    void getWhenPageOfTheAppThenIndexWithPolicyAndNeverCached(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<title>Watchword admin</title>");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy)
                        .contains(
                                "default-src 'none'",
                                "script-src 'self'",
                                "connect-src 'self'",
                                "frame-ancestors 'none'")
                        .doesNotContain("unsafe"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void getWhenHashedAssetThenServedAndCachedForAYear() throws Exception {
        HttpResponse<String> response = get("/admin/assets/index-abc123.js");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("console.log('admin')");
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(response.headers().firstValue("Cache-Control"))
                .hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000", "immutable"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/admin/../watchword-secret.txt",
                "/admin/%2e%2e/watchword-secret.txt",
                "/admin/assets/..%2f..%2fwatchword-secret.txt"
            })
    void getWhenPathLeavesTheDirectoryThenNothingOutsideServed(String path) throws Exception {
        HttpResponse<String> response = get(path);

        assertThat(response.body()).doesNotContain("not to be served");
    }

    @Test
    void getWhenAdminWithoutSlashThenRedirectedToTheApp() throws Exception {
        HttpResponse<String> response = get("/admin");

        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(response.headers().firstValue("Location")).hasValue("/admin/");
    }
}
