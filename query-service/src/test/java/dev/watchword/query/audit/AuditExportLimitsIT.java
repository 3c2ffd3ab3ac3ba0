package dev.watchword.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.query.IntegrationTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Audit exports hold a database connection for as long as they run; however many are asked for, the rest of the
 * admin API keeps answering (OWASP ASVS 5.0 V15.2.2). Exports are made slow here by a lock on {@code audit_entry},
 * taken on a connection of the test's own, so each one waits holding its connection.
 */
class AuditExportLimitsIT extends IntegrationTestSupport {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${spring.datasource.url}")
    private String url;

    @Value("${spring.datasource.username}")
    private String username;

    @Value("${spring.datasource.password:}")
    private String password;

    @Value("${spring.datasource.hikari.schema}")
    private String schema;

    @LocalServerPort
    private int port;

    @Test
    void exportWhenSlowExportsHoldConnectionsThenAdminReadsStillAnswerAndMoreExportsAreRefused() throws Exception {
        String auditorA = auditor();
        String auditorB = auditor();
        try (Connection lock = DriverManager.getConnection(url, username, password)) {
            // given: exports that wait as long as the test holds the lock
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("lock table " + schema + ".audit_entry in access exclusive mode");
            }
            CompletableFuture<HttpResponse<String>> exportA = export(auditorA);
            await().atMost(Duration.ofSeconds(20)).until(() -> exportsWaiting(lock) >= 1);
            CompletableFuture<HttpResponse<String>> exportB = export(auditorB);
            await().atMost(Duration.ofSeconds(20)).until(() -> exportsWaiting(lock) >= 2);
            List<CompletableFuture<HttpResponse<String>>> more =
                    List.of(export(auditor()), export(auditor()), export(auditor()));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> more.stream().allMatch(CompletableFuture::isDone) || exportsWaiting(lock) >= 4);

            // when
            HttpResponse<String> users = get("/api/admin/users/?size=1", platformOperatorToken());
            HttpResponse<String> secondOfA = get("/api/admin/audit/export/?aggregate=" + randomId(), auditorA);

            // then: the rest of the admin API still has connections
            assertThat(users.statusCode()).as(users.body()).isEqualTo(200);
            // one export per caller, a few at once, then refusals with a time to come back
            assertThat(secondOfA.statusCode()).isEqualTo(429);
            assertThat(secondOfA.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(secondOfA).get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(secondOfA.headers().firstValue("Retry-After")).hasValue("30");
            for (CompletableFuture<HttpResponse<String>> refused : more) {
                HttpResponse<String> response = refused.get(10, TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(body(response).get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
                assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
            }
            lock.rollback();

            // and the admitted exports finish once the table is free
            assertThat(exportA.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            assertThat(exportB.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(get("/api/admin/audit/export/?aggregate=" + randomId(), auditorA)
                        .statusCode())
                .isEqualTo(200);
    }

    private static String auditor() {
        return accessToken(randomId(), randomId(), List.of("audit:read", "apps:write"), 0L);
    }

    private CompletableFuture<HttpResponse<String>> export(String token) {
        return HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + port + "/api/admin/audit/export/?aggregate=" + randomId()))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(60))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sessions of this database waiting for the lock on audit_entry, i.e. exports holding a connection. Read on a
     * connection of its own: within the lock's transaction, PostgreSQL would keep showing its first snapshot.
     */
    private int exportsWaiting(Connection lock) throws SQLException {
        try (Connection watcher = DriverManager.getConnection(url, username, password);
                Statement statement = watcher.createStatement();
                ResultSet count = statement.executeQuery("""
                     select count(*) from pg_stat_activity
                     where datname = current_database() and wait_event_type = 'Lock'
                       and query like '%from audit_entry%'""")) {
            count.next();
            return count.getInt(1);
        }
    }
}
