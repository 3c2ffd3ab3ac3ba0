package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.events.envelope.EventEnvelope;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event stored while Kafka is unreachable is published once Kafka is back: the request is accepted, the
 * event waits in PostgreSQL, and the publisher's tracking processor retries until the broker answers.
 * Its own schema, so that no other test context's publisher can claim this event store's token.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/postgres",
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "spring.datasource.hikari.schema=it_command_outage",
            "spring.flyway.schemas=it_command_outage",
            "spring.flyway.default-schema=it_command_outage",
            "watchword.sealing-key=" + ApiITSupport.SEALING_KEY
        })
class KafkaOutageIT {

    private static final int KAFKA_PORT = freePort();
    private static EmbeddedKafkaKraftBroker broker;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void kafkaNotThereYet(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + KAFKA_PORT);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void registerWhenKafkaDownThenAcceptedAndPublishedOnceKafkaIsBack() throws Exception {
        // given Kafka is unreachable
        String email = "outage-" + UUID.randomUUID() + "@example.com";

        // when a registration arrives
        Http.Response response = new Http(port)
                .post("/api/auth/register/", Map.of("email", email, "password", "lantern orbit pickle saga 42"));

        // then it is accepted and stored ...
        assertThat(response.status()).isEqualTo(202);
        String userId = jdbc.sql("SELECT user_id FROM email_registry WHERE email = ?")
                .param(email)
                .query(String.class)
                .single();
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                        .param(userId)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        // ... and reaches the topic once Kafka is back
        broker = new EmbeddedKafkaKraftBroker(1, 1, "watchword.events");
        broker.afterPropertiesSet();
        String[] hostPort = broker.getBrokersAsString().split(",")[0].split(":");
        try (TcpForwarder kafkaIsBack = new TcpForwarder(KAFKA_PORT, hostPort[0], Integer.parseInt(hostPort[1]));
                EventTopic topic = new EventTopic(broker.getBrokersAsString(), "watchword.events")) {
            List<EventEnvelope> events = topic.awaitEvent(userId, "EmailVerificationRequested", Duration.ofMinutes(3));
            assertThat(events)
                    .extracting(EventEnvelope::type)
                    .containsExactly("UserRegistered", "EmailVerificationRequested");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
