package dev.watchword.command.it;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One command-service against real PostgreSQL (a fresh schema per test run, {@code it_command_<random>}, so
 * that runs never share an event store, a publisher token or a backlog) and a real in-JVM KRaft broker,
 * shared by the API tests: one configuration, so Spring starts one context and one Kafka publisher owns the
 * schema's token. Tests reach it over HTTP like a client app and read the event topic like a downstream
 * service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/postgres",
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "watchword.sealing-key=" + ApiITSupport.SEALING_KEY,
        "watchword.snapshots.threshold=20",
        // These tests send far more requests from 127.0.0.1 than any limit allows; RateLimitIT tests the limits.
        "watchword.rate-limits.enabled=false",
        "watchword.revocation.client-id=backend",
        "watchword.revocation.client-secret=backend-secret-for-tests",
        "watchword.bootstrap-admin-email=" + ApiITSupport.ROOT_ADMIN,
        "WATCHWORD_OPERATOR_TOKEN=operator-token-of-the-api-tests-0123456789"})
@EmbeddedKafka(kraft = true, partitions = 1, topics = "watchword.events")
@Import(AdjustableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiITSupport {

    static final String SEALING_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String PASSWORD = "lantern orbit pickle saga 42";
    static final Duration KAFKA = Duration.ofSeconds(60);
    static final String ROOT_ADMIN = "root-admin@example.com";

    private static final String SCHEMA = "it_command_" + UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void freshSchema(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.hikari.schema", () -> SCHEMA);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.default-schema", () -> SCHEMA);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    AdjustableClock clock;

    Http http;
    EventTopic topic;

    @BeforeAll
    void connect() {
        http = new Http(port);
        topic = new EventTopic(broker.getBrokersAsString(), "watchword.events");
    }

    @AfterAll
    void disconnect() {
        topic.close();
    }

    static String newEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    /** Registers and returns the new user's id. */
    String register(String email) {
        Http.Response response = http.post("/api/auth/register/", Map.of("email", email, "password", PASSWORD));
        assertThat(response.status()).isEqualTo(202);
        return jdbc.sql("SELECT user_id FROM email_registry WHERE email = ?")
                .param(email.strip().toLowerCase(Locale.ROOT)).query(String.class).single();
    }

    JsonNode login(String email, String password) {
        Http.Response response = http.post("/api/auth/login/", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
