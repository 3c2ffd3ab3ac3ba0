package dev.watchword.query.pointintime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Point-in-time answers computed from the audit log, fed through the topic, read through the filter chain. */
class PointInTimeIT extends IntegrationTestSupport {

    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(30);

    private final List<String> published = new ArrayList<>();
    private String auditor;
    /** Positions of envelopes built here: far above the shared counter, and apart from earlier runs'. */
    private long base;

    private String userId;
    private String sessionId;
    private String email;
    private Instant t1;
    private Instant t2;
    private Instant t3;
    private Instant t4;

    @BeforeEach
    void oneUsersHistory() {
        auditor = accessToken(randomId(), randomId(), List.of("audit:read"), 0L);
        base = 2_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1_000;
        userId = randomId();
        sessionId = randomId();
        email = randomEmail();
        t1 = Instant.parse("2031-05-01T00:00:00Z")
                .plusSeconds(ThreadLocalRandom.current().nextInt(86_400));
        t2 = t1.plus(Duration.ofDays(1));
        t3 = t2.plus(Duration.ofHours(1));
        t4 = t2.plus(Duration.ofHours(3));
        publishAt(new UserRegistered(userId, email, "hash", t1), userId, 1, t1);
        publishAt(new RoleAssigned(userId, "auditor", "admin-a", t2), userId, 2, t2);
        publishAt(
                new SessionStarted(
                        userId, sessionId, "hash", "203.0.113.7", "Firefox on Linux", t2, t2.plus(Duration.ofHours(2))),
                userId,
                3,
                t2);
        // Someone else's grant of the same role, between this user's events: not theirs to see.
        String other = randomId();
        publishAt(new RoleAssigned(other, "auditor", "admin-c", t2), other, 4, t2);
        publishAt(new RoleRevoked(userId, "auditor", "admin-b", t3), userId, 5, t3);
        publishAt(new UserDisabled(userId, "admin-a", t4), userId, 6, t4);
        awaitRecorded();
    }

    @Test
    void asOfWhenBeforeRegistrationThenDoesNotExist() {
        JsonNode user = asOf(userId, t1.minusSeconds(1));

        assertThat(user.get("exists").asBoolean()).isFalse();
        assertThat(user.get("id").asText()).isEqualTo(userId);
        assertThat(Instant.parse(user.get("as_of").asText())).isEqualTo(t1.minusSeconds(1));
        assertThat(user.get("events_applied").asLong()).isZero();
        assertThat(user.get("roles")).isEmpty();
        assertThat(user.get("sessions")).isEmpty();
    }

    @Test
    void asOfWhenAtSeveralInstantsThenStateOfThatTime() {
        // at registration, inclusive
        JsonNode registered = asOf(userId, t1);
        assertThat(registered.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "id",
                        "as_of",
                        "exists",
                        "email",
                        "status",
                        "email_verified",
                        "roles",
                        "sessions",
                        "events_applied");
        assertThat(registered.get("exists").asBoolean()).isTrue();
        assertThat(registered.get("email").asText()).isEqualTo(email);
        assertThat(registered.get("status").asText()).isEqualTo("active");
        assertThat(registered.get("email_verified").asBoolean()).isFalse();
        assertThat(roles(registered)).containsExactly("user");
        assertThat(registered.get("sessions")).isEmpty();
        assertThat(registered.get("events_applied").asLong()).isEqualTo(1);

        // after the grant and the login
        JsonNode granted = asOf(userId, t2.plusSeconds(1));
        assertThat(roles(granted)).containsExactly("user", "auditor");
        assertThat(granted.get("sessions")).hasSize(1);
        JsonNode session = granted.get("sessions").get(0);
        assertThat(session.get("id").asText()).isEqualTo(sessionId);
        assertThat(Instant.parse(session.get("started_at").asText())).isEqualTo(t2);
        assertThat(session.get("ip_address").asText()).isEqualTo("203.0.113.7");
        assertThat(session.get("device").asText()).isEqualTo("Firefox on Linux");
        assertThat(session.has("revoked_at")).isFalse();
        assertThat(granted.get("events_applied").asLong()).isEqualTo(3);

        // after the revocation: the role is gone, the session still live
        JsonNode revoked = asOf(userId, t3);
        assertThat(roles(revoked)).containsExactly("user");
        assertThat(revoked.get("sessions")).hasSize(1);
        assertThat(revoked.get("status").asText()).isEqualTo("active");
        assertThat(revoked.get("events_applied").asLong()).isEqualTo(4);

        // just before the disable: still active
        assertThat(asOf(userId, t4.minusMillis(1)).get("status").asText()).isEqualTo("active");

        // disabled, and the session has expired by then
        JsonNode disabled = asOf(userId, t4);
        assertThat(disabled.get("status").asText()).isEqualTo("disabled");
        assertThat(disabled.get("sessions")).isEmpty();
        assertThat(disabled.get("events_applied").asLong()).isEqualTo(5);
    }

    @Test
    void roleHistoryWhenGrantedThenRevokedThenWhoAndWhenInOrder() {
        HttpResponse<String> response = get(history(userId, "auditor"), auditor);
        HttpResponse<String> withSlash = get(history(userId, "auditor") + "/", auditor);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode changes = body(response);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("change").asText()).isEqualTo("assigned");
        assertThat(changes.get(0).get("by").asText()).isEqualTo("admin-a");
        assertThat(Instant.parse(changes.get(0).get("at").asText())).isEqualTo(t2);
        assertThat(changes.get(0).get("position").asLong()).isEqualTo(base + 2);
        assertThat(changes.get(1).get("change").asText()).isEqualTo("revoked");
        assertThat(changes.get(1).get("by").asText()).isEqualTo("admin-b");
        assertThat(Instant.parse(changes.get(1).get("at").asText())).isEqualTo(t3);
        assertThat(changes.get(1).get("position").asLong()).isEqualTo(base + 5);
        assertThat(withSlash.statusCode()).isEqualTo(200);
        assertThat(body(withSlash)).isEqualTo(changes);
        assertThat(body(get(history(userId, "admin"), auditor))).isEmpty();
    }

    @Test
    void asOfAndRoleHistoryWhenUserHasNoEventsThen404UserNotFound() {
        for (String path : List.of(asOfPath(randomId(), t4), history(randomId(), "auditor"))) {
            HttpResponse<String> response = get(path, auditor);

            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(response).get("code").asText()).isEqualTo("USER_NOT_FOUND");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"?at=yesterday", "?at=2031-05-01", "?at=", ""})
    void asOfWhenAtMalformedOrMissingThen400(String query) {
        HttpResponse<String> response = get("/api/admin/users/" + userId + "/as-of" + query, auditor);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void pointInTimeWhenTokenHoldsAuditReadThen200() {
        for (String path : paths()) {
            assertThat(get(path, auditor).statusCode()).as(path).isEqualTo(200);
        }
    }

    @Test
    void pointInTimeWhenTokenWithoutAuditReadThen403Forbidden() {
        for (String token : List.of(
                accessToken(randomId(), randomId(), List.of(), 0L),
                accessToken(randomId(), randomId(), List.of("users:read"), 0L),
                accessToken(randomId(), randomId()))) {
            for (String path : paths()) {
                HttpResponse<String> response = get(path, token);

                assertThat(response.statusCode()).as(path).isEqualTo(403);
                assertThat(body(response).get("code").asText()).isEqualTo("FORBIDDEN");
            }
        }
    }

    @Test
    void pointInTimeWhenNoTokenThen401InvalidToken() {
        for (String path : paths()) {
            HttpResponse<String> response = get(path, null);

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
        }
    }

    private List<String> paths() {
        String at = "?at=" + t3;
        return List.of(
                "/api/admin/users/" + userId + "/as-of" + at,
                "/api/admin/users/" + userId + "/as-of/" + at,
                history(userId, "auditor"),
                history(userId, "auditor") + "/");
    }

    private JsonNode asOf(String id, Instant at) {
        HttpResponse<String> response = get(asOfPath(id, at), auditor);
        assertThat(response.statusCode()).as(at.toString()).isEqualTo(200);
        return body(response);
    }

    private static String asOfPath(String id, Instant at) {
        return "/api/admin/users/" + id + "/as-of?at=" + at;
    }

    private static String history(String id, String role) {
        return "/api/admin/users/" + id + "/roles/" + role + "/history";
    }

    private static List<String> roles(JsonNode user) {
        List<String> roles = new ArrayList<>();
        user.get("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    /** Publishes the event at position {@code base + offset}, keyed by {@code aggregateId}. */
    private void publishAt(Object event, String aggregateId, long offset, Instant occurredAt) {
        EventEnvelope envelope = EventCatalog.wrap(randomId(), event, aggregateId, offset, base + offset, occurredAt);
        publish(envelope);
        published.add(envelope.eventId());
    }

    private void awaitRecorded() {
        List<String> ids = List.copyOf(published);
        published.clear();
        await().atMost(RECORDED_WITHIN)
                .until(() -> jdbc.sql("select count(*) from audit_entry where event_id in (:ids)")
                                .param("ids", ids)
                                .query(Long.class)
                                .single()
                        == ids.size());
    }
}
