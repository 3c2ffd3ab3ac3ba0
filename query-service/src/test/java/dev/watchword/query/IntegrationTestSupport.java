package dev.watchword.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.envelope.EnvelopeSignature;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole service against real PostgreSQL and an in-JVM KRaft Kafka broker, driven over HTTP and the topic.
 * Every IT extends this unchanged, so they share one Spring context, one broker and one {@link TestIssuer}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@EmbeddedKafka(partitions = 1, topics = "watchword.events", bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class IntegrationTestSupport {

    /** The one client allowed to call the introspection endpoint in these tests. */
    protected static final String INTROSPECTION_CLIENT_ID = "it-resource-server";

    protected static final String INTROSPECTION_CLIENT_SECRET =
            UUID.randomUUID().toString();

    /** watchword.events.signing-key of application-it.yml. */
    protected static final EnvelopeSignature SIGNATURE =
            EnvelopeSignature.withKey("c2lnbmluZy1rZXktb2YtdGhlLWV2ZW50LXRlc3RzLTM=");

    private static final AtomicLong GLOBAL_INDEX = new AtomicLong();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected ObjectMapper json;

    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    @Value("${watchword.events.topic}")
    private String topic;

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("watchword.token.jwks-uri", () -> TestIssuer.get().jwksUri());
        registry.add("watchword.token.issuer", () -> TestIssuer.ISSUER);
        registry.add("watchword.token.audience", () -> TestIssuer.AUDIENCE);
        registry.add("watchword.introspection.clients[0].id", () -> INTROSPECTION_CLIENT_ID);
        registry.add("watchword.introspection.clients[0].secret", () -> INTROSPECTION_CLIENT_SECRET);
    }

    protected static String randomId() {
        return UUID.randomUUID().toString();
    }

    protected static String randomEmail() {
        return "it-" + UUID.randomUUID() + "@example.com";
    }

    protected static String accessToken(String userId, String sessionId) {
        return TestIssuer.get().accessToken(userId, sessionId);
    }

    /**
     * A token as command-service issues it: with {@code permissions} and, unless {@code null},
     * {@code authz_ver}.
     */
    protected static String accessToken(String userId, String sessionId, List<String> permissions, Long authzVer) {
        return TestIssuer.get()
                .accessToken(
                        userId,
                        sessionId,
                        UnaryOperator.identity(),
                        claims -> claims.claim("permissions", permissions).claim("authz_ver", authzVer));
    }

    /** An admin's token: every permission of the built-in admin role, at the given authorization version. */
    protected static String adminToken(String userId, long authzVer) {
        return accessToken(
                userId,
                randomId(),
                List.of("audit:read", "roles:write", "settings:write", "users:read", "users:write"),
                authzVer);
    }

    /**
     * A token of a user of {@code appId} (claim {@code tenant}, and {@code client_id} as command-service issues them
     * since apps apply to tokens) holding {@code permissions}, at authorization version 0.
     */
    protected static String appToken(String appId, List<String> permissions) {
        return TestIssuer.get()
                .accessToken(
                        randomId(),
                        randomId(),
                        UnaryOperator.identity(),
                        claims -> claims.claim("permissions", permissions)
                                .claim("authz_ver", 0L)
                                .claim("tenant", appId)
                                .claim("client_id", "client-" + appId));
    }

    /** The built-in admin of a client app: every admin permission but apps:write, scoped to its app. */
    protected static String appAdminToken(String appId) {
        return appToken(
                appId,
                List.of("audit:read", "keys:write", "roles:write", "settings:write", "users:read", "users:write"));
    }

    /** The platform operator: the default app's admin, with apps:write, which sees every app. */
    protected static String platformOperatorToken() {
        return appToken(
                "default",
                List.of(
                        "apps:write",
                        "audit:read",
                        "keys:write",
                        "roles:write",
                        "settings:write",
                        "users:read",
                        "users:write"));
    }

    /** Wraps the event as command-service does and publishes it keyed by its user. */
    protected EventEnvelope publish(UserEvent event) {
        EventEnvelope envelope =
                EventCatalog.wrap(randomId(), event, event.userId(), 0, GLOBAL_INDEX.incrementAndGet(), Instant.now());
        publish(envelope);
        return envelope;
    }

    /** Wraps the event as command-service does and publishes it keyed by its app. */
    protected EventEnvelope publish(ClientAppEvent event) {
        EventEnvelope envelope =
                EventCatalog.wrap(randomId(), event, event.appId(), 0, GLOBAL_INDEX.incrementAndGet(), Instant.now());
        publish(envelope);
        return envelope;
    }

    protected void publish(EventEnvelope envelope) {
        publishRaw(envelope.aggregateId(), EventCatalog.toBytes(envelope));
    }

    /** Publishes as command-service does: signed with the events key of application-it.yml. */
    protected void publishRaw(String key, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(EnvelopeSignature.HEADER, SIGNATURE.sign(key, value));
        publishRecord(record);
    }

    /** Publishes the record as it is, signed or not. */
    protected void publishRecord(ProducerRecord<String, byte[]> record) {
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    protected HttpResponse<String> get(String path, String accessToken) {
        return send(path, builder -> builder.GET(), accessToken);
    }

    protected HttpResponse<String> send(String path, UnaryOperator<HttpRequest.Builder> method, String accessToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        try {
            return HTTP.send(method.apply(request).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
