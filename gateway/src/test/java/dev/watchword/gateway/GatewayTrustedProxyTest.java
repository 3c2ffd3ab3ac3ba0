package dev.watchword.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Behind a TLS-terminating proxy the operator trusts, the client that proxy saw is passed on, with our hop added. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "watchword.gateway.forwarding.trusted-proxies=127\\.0\\.0\\.1")
class GatewayTrustedProxyTest {

    static final StubUpstream QUERY = StubUpstream.start("query");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("COMMAND_SERVICE_URL", QUERY::url);
        registry.add("QUERY_SERVICE_URL", QUERY::url);
    }

    @AfterAll
    static void stopUpstream() {
        QUERY.close();
    }

    @Test
    void proxyWhenTrustedProxySendsForwardedHeadersThenKeptWithTheProxyAppended() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/users/me"))
                                .header("X-Forwarded-For", "203.0.113.7")
                                .header("X-Forwarded-Proto", "https")
                                .header("X-Forwarded-Host", "auth.example.com")
                                .header("X-Forwarded-Port", "443")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(QUERY.lastHeader("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
        assertThat(QUERY.lastHeader("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(QUERY.lastHeader("X-Forwarded-Host")).isEqualTo("auth.example.com");
        assertThat(QUERY.lastHeader("X-Forwarded-Port")).isEqualTo("443");
    }
}
