package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event chain over the shared schema: events registered over HTTP get chained, the operator's
 * verification finds the log intact, an edit of one stored payload breaks it at exactly that event, and the
 * restored bytes verify again. In {@code it} rather than {@code integrity} because {@link ApiITSupport} is
 * package-private here; the tampered row is always restored, as the other tests of the run share the schema.
 */
class EventChainIT extends ApiITSupport {

    /** As set in {@link ApiITSupport}'s properties. */
    private static final String OPERATOR_TOKEN_FOR_TESTS = "operator-token-of-the-api-tests-0123456789";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void verifyWhenNothingChangedThenIntactAndWhenOnePayloadEditedThenBrokenAtThatEvent() {
        // given a few users, chained
        List<String> users = List.of(register(newEmail()), register(newEmail()), register(newEmail()));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(unchainedEventsOf(users)).isZero());
        JsonNode before = verify(OPERATOR_TOKEN_FOR_TESTS);
        assertThat(before.get("intact").asBoolean()).as(before.toString()).isTrue();
        assertThat(before.get("verified").asLong()).isGreaterThanOrEqualTo(eventCountOf(users));
        assertThat(before.get("first_broken_position").isNull()).isTrue();

        Map<String, Object> victim = jdbc.sql("SELECT globalindex, eventidentifier, payload FROM domainevententry "
                        + "WHERE aggregateidentifier = ? ORDER BY sequencenumber LIMIT 1")
                .param(users.get(1))
                .query()
                .singleRow();
        String eventId = (String) victim.get("eventidentifier");
        byte[] original = (byte[]) victim.get("payload");
        try {
            // when one stored payload is edited behind the application's back (still valid JSON)
            jdbc.sql("UPDATE domainevententry SET payload = payload || ' '::bytea WHERE eventidentifier = ?")
                    .param(eventId)
                    .update();

            // then the verification fails at that event
            JsonNode tampered = verify(OPERATOR_TOKEN_FOR_TESTS);
            assertThat(tampered.get("intact").asBoolean())
                    .as(tampered.toString())
                    .isFalse();
            assertThat(tampered.get("first_broken_position").asLong()).isEqualTo((Long) victim.get("globalindex"));
            assertThat(tampered.get("first_broken_event_id").asText()).isEqualTo(eventId);
            assertThat(tampered.get("reason").asText()).isEqualTo("content changed");
        } finally {
            jdbc.sql("UPDATE domainevententry SET payload = ? WHERE eventidentifier = ?")
                    .params(original, eventId)
                    .update();
        }

        // and the restored bytes verify again
        JsonNode restored = verify(OPERATOR_TOKEN_FOR_TESTS);
        assertThat(restored.get("intact").asBoolean()).as(restored.toString()).isTrue();
        assertThat(restored.get("verified").asLong())
                .isGreaterThanOrEqualTo(before.get("verified").asLong());
    }

    @Test
    void verifyWhenAuditorThroughTheAdminApiThenTheSameAnswerAndOtherwiseRefused() {
        String email = newEmail();
        register(email);
        String plainUser = login(email, PASSWORD).get("access").asText();

        Http.Response auditor = http.send(
                "GET", "/api/admin/integrity/verify/", Map.of("Authorization", "Bearer " + rootAdminToken()), null);
        Http.Response notAnAuditor =
                http.send("GET", "/api/admin/integrity/verify", Map.of("Authorization", "Bearer " + plainUser), null);
        Http.Response anonymous = http.send("GET", "/api/admin/integrity/verify", Map.of(), null);

        assertThat(auditor.status()).as(auditor.body()).isEqualTo(200);
        assertThat(auditor.json().has("intact")).isTrue();
        assertThat(auditor.json().get("verified").asLong()).isPositive();
        assertThat(notAnAuditor.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void verifyWhenWrongOperatorTokenThenUnauthorized() {
        HttpResponse<String> response = get("/internal/integrity/verify", "not-the-operator-token-of-these-tests");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("INVALID_OPERATOR_TOKEN");
    }

    @Test
    void verifyWhenNoOperatorTokenThenUnauthorized() {
        assertThat(get("/internal/integrity/verify", null).statusCode()).isEqualTo(401);
    }

    private long unchainedEventsOf(List<String> users) {
        return jdbc.sql("SELECT count(*) FROM domainevententry d LEFT JOIN event_chain c "
                        + "ON c.global_index = d.globalindex WHERE d.aggregateidentifier IN (?, ?, ?) "
                        + "AND c.global_index IS NULL")
                .params(users.get(0), users.get(1), users.get(2))
                .query(Long.class)
                .single();
    }

    private long eventCountOf(List<String> users) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier IN (?, ?, ?)")
                .params(users.get(0), users.get(1), users.get(2))
                .query(Long.class)
                .single();
    }

    private JsonNode verify(String operatorToken) {
        HttpResponse<String> response = get("/internal/integrity/verify", operatorToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path, String operatorToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET();
        if (operatorToken != null) {
            request.header("Authorization", "Bearer " + operatorToken);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
