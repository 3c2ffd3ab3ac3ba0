package dev.watchword.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * V11 on rows an earlier version wrote: audit entries of events published with credential hashes lose the hashes
 * and keep everything else. A schema of its own, migrated up to the version before, seeded, then migrated on.
 */
class WithheldCredentialHashesMigrationIT {

    private static final String URL =
            System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private final String schema = "it_query_v11_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void migrateWhenAuditPayloadsHoldHashesThenNulledAndRestKept() throws SQLException {
        // given
        flyway("8").migrate();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
            statement.execute("""
                    insert into audit_entry (event_id, position, type, aggregate_id, sequence_number, occurred_at,
                                             actor, payload) values
                    ('e-1', 1, 'UserRegistered', 'u-1', 0, now(), 'u-1',
                     '{"userId":"u-1","email":"a@example.com","passwordHash":"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"}'),
                    ('e-2', 2, 'RefreshTokenRotated', 'u-1', 1, now(), 'u-1',
                     '{"userId":"u-1","sessionId":"s-1","previousTokenHash":"cHJldmlvdXM","refreshTokenHash":"bmV4dA"}'),
                    ('e-3', 3, 'EmailOtpRequested', 'u-1', 2, now(), 'u-1',
                     '{"userId":"u-1","requestId":"r-1","codeHash":"Y29kZQ","encryptedCode":"c2VhbGVk"}'),
                    ('e-4', 4, 'ApiKeyIssued', 'app-1', 0, now(), 'admin',
                     '{"appId":"app-1","keyId":"k-1","keyHash":"a2V5"}')""");
        }

        // when
        flyway(null).migrate();

        // then
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
            assertThat(text(statement, "e-1"))
                    .doesNotContain("argon2id")
                    .contains("\"passwordHash\": null")
                    .contains("a@example.com");
            assertThat(text(statement, "e-2"))
                    .doesNotContain("cHJldmlvdXM")
                    .doesNotContain("bmV4dA")
                    .contains("\"sessionId\": \"s-1\"");
            assertThat(text(statement, "e-3")).doesNotContain("Y29kZQ").contains("\"encryptedCode\": \"c2VhbGVk\"");
            assertThat(text(statement, "e-4"))
                    .as("query-service authenticates API keys by it")
                    .contains("\"keyHash\": \"a2V5\"");
        }
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure()
                .dataSource(URL, "postgres", "")
                .schemas(schema)
                .defaultSchema(schema)
                .locations("classpath:db/migration");
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static String text(Statement statement, String eventId) throws SQLException {
        try (ResultSet rows =
                statement.executeQuery("select payload::text from audit_entry where event_id = '" + eventId + "'")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", "");
    }
}
