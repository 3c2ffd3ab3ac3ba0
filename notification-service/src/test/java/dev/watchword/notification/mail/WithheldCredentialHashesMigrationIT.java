package dev.watchword.notification.mail;

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
 * V5 on rows an earlier version wrote: the outbox rows of events published with credential hashes lose the hashes
 * and keep the rest, the sealed token the email needs included. A schema of its own, migrated up to V4, seeded,
 * then migrated on.
 */
class WithheldCredentialHashesMigrationIT {

    private static final String URL =
            System.getenv().getOrDefault("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private final String schema =
            "it_notification_v4_" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + schema + " cascade");
        }
    }

    @Test
    void migrateWhenOutboxRowsHoldHashesThenNulledAndRestKept() throws SQLException {
        // given
        flyway("4").migrate();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
            statement.execute("""
                    insert into outgoing_email (event_id, event_type, recipient, payload, status, user_id) values
                    ('e-1', 'PasswordChanged', 'a@example.com',
                     '{"userId":"u-1","email":"a@example.com","passwordHash":"$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA","reason":"RESET"}',
                     'SENT', 'u-1'),
                    ('e-2', 'PasswordResetRequested', 'b@example.com',
                     '{"userId":"u-2","email":"b@example.com","tokenHash":"dG9rZW4taGFzaA","encryptedToken":"c2VhbGVk"}',
                     'PENDING', 'u-2'),
                    ('e-3', 'RegistrationAttemptedForTakenEmail', 'c@example.com',
                     '{"userId":"u-3","email":"c@example.com"}', 'SENT', 'u-3')""");
        }

        // when
        flyway(null).migrate();

        // then
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + schema);
            assertThat(text(statement, "select payload::text from outgoing_email where event_id = 'e-1'"))
                    .doesNotContain("argon2id")
                    .contains("\"passwordHash\": null")
                    .contains("a@example.com");
            assertThat(text(statement, "select payload::text from outgoing_email where event_id = 'e-2'"))
                    .doesNotContain("dG9rZW4taGFzaA")
                    .contains("\"tokenHash\": null")
                    .contains("c2VhbGVk");
            assertThat(text(statement, "select payload::text from outgoing_email where event_id = 'e-3'"))
                    .isEqualTo("{\"email\": \"c@example.com\", \"userId\": \"u-3\"}");
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

    private static String text(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, "postgres", "");
    }
}
