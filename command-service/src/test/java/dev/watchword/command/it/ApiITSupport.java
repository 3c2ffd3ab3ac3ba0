package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchword.command.appdirectory.AppDirectory;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.secret.SealedSecret;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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

/**
 * One command-service against real PostgreSQL (a fresh schema per test run, {@code it_command_<random>}, so
 * that runs never share an event store, a publisher token or a backlog) and a real in-JVM KRaft broker,
 * shared by the API tests: one configuration, so Spring starts one context and one Kafka publisher owns the
 * schema's token. Tests reach it over HTTP like a client app and read the event topic like a downstream
 * service.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
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
            "WATCHWORD_OPERATOR_TOKEN=operator-token-of-the-api-tests-0123456789"
        })
@EmbeddedKafka(partitions = 1, topics = "watchword.events")
@Import(AdjustableClock.Config.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiITSupport {

    static final String SEALING_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String PASSWORD = "lantern orbit pickle saga 42";
    static final Duration KAFKA = Duration.ofSeconds(60);
    static final String ROOT_ADMIN = "root-admin@example.com";

    private static final String SCHEMA =
            "it_command_" + UUID.randomUUID().toString().substring(0, 8);

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

    @Autowired
    AppDirectory appDirectory;

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
                .param(email.strip().toLowerCase(Locale.ROOT))
                .query(String.class)
                .single();
    }

    JsonNode login(String email, String password) {
        Http.Response response = http.post("/api/auth/login/", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /**
     * The bootstrap admin (a platform operator), once its token carries the permission this needs: registered
     * (once per schema) and its address verified, which is what makes it the bootstrap admin.
     */
    String rootAdminToken() {
        registerVerifiedRootAdmin();
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> login(ROOT_ADMIN, PASSWORD).get("access").asText(),
                        access -> claimsOf(access).get("permissions").toString().contains("\"apps:write\""));
    }

    /** Registers the bootstrap address in the default app, if nobody did yet, and proves its mailbox. */
    void registerVerifiedRootAdmin() {
        http.post("/api/auth/register/", Map.of("email", ROOT_ADMIN, "password", PASSWORD));
        String userId = userIdIn(DefaultApp.APP_ID, ROOT_ADMIN);
        if (eventsOf(userId, "EmailVerified") == 0) {
            verifyEmail(userId);
        }
    }

    /** Follows the user's latest verification link, as the mailbox's owner would. */
    Http.Response verifyEmail(String userId) {
        EventEnvelope requested = topic.awaitEvent(userId, "EmailVerificationRequested", KAFKA).stream()
                .filter(event -> event.type().equals("EmailVerificationRequested"))
                .toList()
                .getLast();
        String token = SealedSecret.withKey(SEALING_KEY)
                .open(requested.payload().get("encryptedToken").asText(), userId);
        // Confirming clears a password chosen before it (pre-account takeover): the owner sets it in the same step.
        return http.post("/api/auth/verify-email/", Map.of("token", token, "password", PASSWORD));
    }

    long eventsOf(String aggregateId, String type) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?")
                .params(aggregateId, "%." + type)
                .query(Long.class)
                .single();
    }

    static JsonNode claimsOf(String jwt) {
        try {
            return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client app registered by the platform operator, once command-service's directory knows it. */
    RegisteredApp newApp(String name) {
        JsonNode app = http.postWithBearer("/api/admin/apps/", rootAdminToken(), Map.of("name", name))
                .json();
        RegisteredApp registered = new RegisteredApp(
                app.get("id").asText(),
                app.get("client_id").asText(),
                app.get("key_id").asText(),
                app.get("api_key").asText());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> appDirectory.byClientId(registered.clientId()).isPresent());
        return registered;
    }

    /** Registers in {@code app} and returns the new user's id. */
    String registerIn(RegisteredApp app, String email) {
        Http.Response response = http.post(
                "/api/auth/register/", Map.of("email", email, "password", PASSWORD, "client_id", app.clientId()));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return userIdIn(app.appId(), email);
    }

    String userIdIn(String appId, String email) {
        return jdbc.sql("SELECT user_id FROM email_registry WHERE app_id = ? AND email = ?")
                .params(appId, email.strip().toLowerCase(Locale.ROOT))
                .query(String.class)
                .single();
    }

    Http.Response loginIn(RegisteredApp app, String email, String password) {
        return http.post("/api/auth/login/", Map.of("email", email, "password", password, "client_id", app.clientId()));
    }

    Http.Response put(String path, String bearer, Object body) {
        return http.send("PUT", path, Map.of("Authorization", "Bearer " + bearer), body);
    }

    /** Events stored for one aggregate: what tells "nothing recorded" apart from a silent change. */
    long eventsOf(String aggregateId) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(aggregateId)
                .query(Long.class)
                .single();
    }

    record RegisteredApp(String appId, String clientId, String keyId, String apiKey) {}
}
