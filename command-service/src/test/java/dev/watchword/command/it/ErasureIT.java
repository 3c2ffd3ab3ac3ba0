package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.command.erasure.PersonalDataEncryptionMigration;
import dev.watchword.command.integrity.EventChainRecorder;
import dev.watchword.command.password.PasswordHasher;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erasure in an immutable log (crypto-shredding): personal fields are stored encrypted with the user's
 * key and read back in clear; deleting the user destroys the key, and then the log still holds every event, byte for
 * byte, and still verifies, while nothing personal can be read from it. Events stored in clear before this existed
 * are encrypted once by the migration.
 */
class ErasureIT extends ApiITSupport {

    private static final String OPERATOR_TOKEN = "operator-token-of-the-api-tests-0123456789";

    @Autowired
    EventStore eventStore;

    @Autowired
    PersonalDataEncryptionMigration migration;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    PasswordHasher passwords;

    @Test
    void storedEventsWhenUserActsThenPersonalFieldsEncryptedAtRestAndClearWhenRead() {
        String email = newEmail();
        String userId = register(email);
        login(email, PASSWORD);

        List<String> stored = storedPayloadsOf(userId);
        assertThat(stored).isNotEmpty().noneSatisfy(p -> assertThat(p).contains(email));
        assertThat(stored).noneSatisfy(p -> assertThat(p).contains("127.0.0.1"));
        assertThat(stored).noneSatisfy(p -> assertThat(p).contains("$argon2id$"));
        assertThat(String.join("", stored)).contains("pii:v1:");
        UserRegistered registered = (UserRegistered) readEvents(userId).getFirst();
        assertThat(registered.email()).isEqualTo(email);
        assertThat(registered.passwordHash()).startsWith("$argon2id$");
        assertThat(topic.awaitEvent(userId, "UserRegistered", KAFKA)
                        .getFirst()
                        .payload()
                        .get("email")
                        .asText())
                .as("published events carry the clear value for the services that need it")
                .isEqualTo(email);
    }

    @Test
    void deleteWhenAdminErasesThenKeyGoneLogIntactAndVerifiableAndAddressFree() {
        String email = newEmail();
        String userId = register(email);
        login(email, PASSWORD);
        List<String> before = storedPayloadsOf(userId);

        Http.Response deleted = http.deleteWithBearer("/api/admin/users/" + userId, rootAdminToken());

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT sealed_key IS NULL AND destroyed_at IS NOT NULL FROM personal_data_key "
                                + "WHERE user_id = ?")
                        .param(userId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        List<String> after = storedPayloadsOf(userId);
        assertThat(after.subList(0, before.size()))
                .as("the earlier events, byte for byte")
                .isEqualTo(before);
        assertThat(after.getLast()).contains(userId).doesNotContain(email);
        List<UserEvent> read = readEvents(userId);
        assertThat(read.getFirst()).isInstanceOfSatisfying(UserRegistered.class, r -> {
            assertThat(r.email()).isNull();
            assertThat(r.passwordHash()).isNull();
        });
        assertThat(read.getLast()).isInstanceOf(UserErased.class);
        assertThat(topic.awaitEvent(userId, "UserErased", KAFKA)).isNotEmpty();

        assertThat(http.post("/api/auth/login", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        Http.Response again = http.deleteWithBearer("/api/admin/users/" + userId, rootAdminToken());
        assertThat(again.status()).isEqualTo(404);
        assertThat(register(email))
                .as("the address registers again, as a new user")
                .isNotEqualTo(userId);
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(verify().get("intact").asBoolean())
                        .as("the chain over the stored bytes")
                        .isTrue());
    }

    @Test
    void deleteWhenUserSnapshottedThenAddressInNoColumnOfAnyTable() {
        // given a user with more events than the snapshot threshold (20 here), so a snapshot of it is stored
        String email = newEmail();
        String userId = register(email);
        for (int i = 0; i < 12; i++) {
            login(email, PASSWORD);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?")
                                .param(userId)
                                .query(Long.class)
                                .single()
                        > 0);
        assertThat(tablesHolding(email))
                .as("only the registry of taken addresses holds it; the snapshot is encrypted")
                .containsExactly("email_registry.email");
        assertThat(login(email, PASSWORD).get("access").asText())
                .as("and loads")
                .isNotBlank();

        // when the user is erased
        Http.Response deleted = http.deleteWithBearer("/api/admin/users/" + userId, rootAdminToken());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        for (int i = 0; i < 3; i++) {
            http.post("/api/auth/login", Map.of("email", email, "password", PASSWORD));
        }

        // then no column of any table in the schema holds the address
        assertThat(tablesHolding(email)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?")
                        .param(userId)
                        .query(Long.class)
                        .single())
                .as("none taken since")
                .isZero();
    }

    @Test
    void migrationWhenEventsStoredInClearThenEncryptedOnceAndChainRebuiltAndUserStillWorks() throws Exception {
        // given a user whose events were stored before crypto-shredding: clear fields, no key
        String userId = UUID.randomUUID().toString();
        String email = newEmail();
        Instant at = clock.instant();
        insertClear(userId, 0, new UserRegistered(userId, email, passwords.hash(PASSWORD), at, "default"));
        insertClear(
                userId, 1, new LoginFailed(userId, LoginFailureReason.WRONG_PASSWORD, "192.0.2.77", "old-agent", at));
        jdbc.sql("INSERT INTO email_registry (app_id, email, user_id) VALUES ('default', ?, ?)")
                .params(email, userId)
                .update();
        TrackingEventProcessor chain = processing
                .eventProcessor(EventChainRecorder.PROCESSING_GROUP, TrackingEventProcessor.class)
                .orElseThrow();
        chain.shutDown();
        try {
            // when the one-time migration runs (Flyway runs it before Axon starts; here the chain is paused)
            Long rewritten = transactions.execute(status -> encrypt());

            // then exactly the clear events were rewritten, encrypted, and the chain's old head was recorded
            assertThat(rewritten).isEqualTo(2);
            assertThat(storedPayloadsOf(userId))
                    .noneSatisfy(p -> assertThat(p).contains(email))
                    .noneSatisfy(p -> assertThat(p).contains("192.0.2.77"));
            assertThat(jdbc.sql("SELECT count(*) FROM event_chain_rebase")
                            .query(Long.class)
                            .single())
                    .isPositive();
            Long second = transactions.execute(status -> encrypt());
            assertThat(second).as("a second run finds nothing").isZero();
        } finally {
            chain.start();
        }

        // and the user reads in clear, logs in, and the recomputed chain verifies
        assertThat(((UserRegistered) readEvents(userId).getFirst()).email()).isEqualTo(email);
        assertThat(((LoginFailed) readEvents(userId).get(1)).ipAddress()).isEqualTo("192.0.2.77");
        assertThat(login(email, PASSWORD).get("access").asText()).isNotBlank();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode verification = verify();
            assertThat(verification.get("intact").asBoolean())
                    .as(verification.toString())
                    .isTrue();
            assertThat(verification.get("verified").asLong())
                    .isGreaterThanOrEqualTo(jdbc.sql("SELECT count(*) FROM domainevententry")
                            .query(Long.class)
                            .single());
        });
    }

    private long encrypt() {
        java.sql.Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return migration.encryptStoredEvents(connection);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A user event row as the store wrote them before: Jackson, no encryption. */
    private void insertClear(String userId, long sequence, Object event) throws Exception {
        jdbc.sql("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                          payload, payloadrevision, payloadtype, "timestamp")
                        VALUES (?, ?, 'User', ?, convert_to('{}', 'UTF8'), ?, NULL, ?, ?)""")
                .params(
                        userId,
                        sequence,
                        UUID.randomUUID().toString(),
                        EventCatalog.json().writeValueAsBytes(event),
                        event.getClass().getName(),
                        clock.instant().toString())
                .update();
    }

    /**
     * Every table.column of the service's schema whose value contains {@code text}: text, JSON and binary columns
     * (the event store keeps payloads as bytes), searched in full.
     */
    private List<String> tablesHolding(String text) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        SELECT table_name, column_name, data_type FROM information_schema.columns
                        WHERE table_schema = current_schema()
                          AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'oid')
                        ORDER BY table_name, column_name""").query().listOfRows();
        return columns.stream()
                .filter(column -> {
                    String table = "\"" + column.get("table_name") + "\"";
                    String name = "\"" + column.get("column_name") + "\"";
                    String condition = switch ((String) column.get("data_type")) {
                        case "bytea" -> "position(convert_to(?, 'UTF8') in " + name + ") > 0";
                        case "oid" -> "position(convert_to(?, 'UTF8') in lo_get(" + name + ")) > 0";
                        default -> "strpos(" + name + "::text, ?) > 0";
                    };
                    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + condition)
                                    .param(text)
                                    .query(Long.class)
                                    .single()
                            > 0;
                })
                .map(column -> column.get("table_name") + "." + column.get("column_name"))
                .toList();
    }

    private List<String> storedPayloadsOf(String userId) {
        return jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                        + "ORDER BY sequencenumber")
                .param(userId)
                .query(String.class)
                .list();
    }

    private List<UserEvent> readEvents(String userId) {
        return eventStore
                .readEvents(userId)
                .asStream()
                .map(m -> (UserEvent) m.getPayload())
                .toList();
    }

    private JsonNode verify() {
        Http.Response response = http.send(
                "GET", "/internal/integrity/verify", Map.of("Authorization", "Bearer " + OPERATOR_TOKEN), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
