package dev.watchword.query.eventstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crypto-shredding: after {@code UserErased} no read model holds the user's address, IP or user agent,
 * every endpoint shows the user as erased, and the audit trail still has every event. Fed through the topic.
 */
class UserErasureIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);

    private final List<EventEnvelope> history = new ArrayList<>();
    private long position;
    private String admin;
    private String auditor;
    private String userId;
    private String sessionId;
    private String email;
    private String newEmail;
    private String ipAddress;
    private String userAgent;
    private String passwordHash;
    private Instant registeredAt;
    private Instant erasedAt;

    /** A user whose events carry personal data everywhere a read model keeps it. */
    @BeforeEach
    void userWithPersonalData() {
        admin = adminToken(randomId(), 0);
        auditor = accessToken(randomId(), randomId(), List.of("audit:read"), 0L);
        position = 3_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1_000;
        userId = randomId();
        sessionId = randomId();
        email = randomEmail();
        newEmail = randomEmail();
        String unique = UUID.randomUUID().toString().replace("-", "");
        ipAddress = "2001:db8::" + unique.substring(0, 4) + ":" + unique.substring(4, 8);
        userAgent = "ErasureAgent/" + unique;
        passwordHash = "$argon2id$erasure-" + unique;
        registeredAt = Instant.parse("2031-07-01T00:00:00Z")
                .plusSeconds(ThreadLocalRandom.current().nextInt(300 * 86_400));
        erasedAt = registeredAt.plus(Duration.ofDays(2));
        Instant t = registeredAt;
        publishAt(new UserRegistered(userId, email, passwordHash, t), t);
        publishAt(new EmailVerified(userId, email, t.plusSeconds(60)), t.plusSeconds(60));
        publishAt(
                new LoginSucceeded(userId, sessionId, ipAddress, userAgent, t.plusSeconds(120), LoginMethod.PASSWORD),
                t.plusSeconds(120));
        publishAt(
                new SessionStarted(
                        userId,
                        sessionId,
                        "refresh-hash",
                        ipAddress,
                        userAgent,
                        t.plusSeconds(120),
                        t.plus(Duration.ofDays(30))),
                t.plusSeconds(120));
        publishAt(
                new LoginFailed(userId, LoginFailureReason.WRONG_PASSWORD, ipAddress, userAgent, t.plusSeconds(180)),
                t.plusSeconds(180));
        publishAt(
                new RegistrationAttemptedForTakenEmail(userId, email, ipAddress, t.plusSeconds(240)),
                t.plusSeconds(240));
        publishAt(
                new EmailChangeRequested(
                        userId, email, newEmail, "token-hash", "sealed", t.plusSeconds(300), t.plusSeconds(900)),
                t.plusSeconds(300));
        publishAt(new EmailChanged(userId, email, newEmail, t.plusSeconds(360)), t.plusSeconds(360));
        publishAt(
                new LoginLocked(userId, newEmail, ipAddress, 5, t.plusSeconds(420), t.plusSeconds(480)),
                t.plusSeconds(420));
        publishAt(new RoleAssigned(userId, "admin", "admin-a", t.plusSeconds(540)), t.plusSeconds(540));
        awaitProjected();
    }

    @Test
    void userErasedWhenProjectedThenNoTextColumnOfTheSchemaHoldsThePersonalData() {
        // given: the data is there to be found, so a scan that finds nothing later means something
        assertThat(occurrences(newEmail))
                .containsKeys("admin_user_row.email", "user_profile.email", "audit_entry.payload");
        assertThat(occurrences(ipAddress))
                .containsKeys(
                        "user_session.ip_address",
                        "login_activity.ip_address",
                        "audit_entry.ip_address",
                        "audit_entry.payload");
        assertThat(occurrences(userAgent)).containsKeys("user_session.device", "login_activity.user_agent");

        // when
        erase();

        // then
        assertNoTrace();
    }

    @Test
    void userErasedWhenProjectedThenEveryEndpointShowsTheUserErased() {
        // given: the profile was read, so it is held in memory too
        HttpResponse<String> profile = get("/api/users/me", accessToken(userId, randomId()));
        assertThat(body(profile).get("email").asText()).isEqualTo(newEmail);

        // when
        erase();

        // then: no profile, whatever the token
        HttpResponse<String> me = get("/api/users/me", accessToken(userId, randomId()));
        assertThat(me.statusCode()).isEqualTo(404);
        assertThat(body(me).get("code").asText()).isEqualTo("PROFILE_NOT_FOUND");
        HttpResponse<String> revoked = get("/api/users/me", accessToken(userId, sessionId));
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(get("/api/auth/sessions", accessToken(userId, randomId())).body())
                .doesNotContain(ipAddress, userAgent);

        // the admin's list: still there, as erased, and found by that status
        JsonNode erasedUsers = body(get(
                "/api/admin/users?status=erased&size=100&created_from=" + registeredAt + "&created_to="
                        + registeredAt.plusSeconds(1),
                admin));
        assertThat(erasedUsers.get("total").asLong()).isEqualTo(1);
        JsonNode row = erasedUsers.get("items").get(0);
        assertThat(row.get("id").asText()).isEqualTo(userId);
        assertThat(row.get("status").asText()).isEqualTo("erased");
        assertThat(row.get("email").isNull()).isTrue();
        assertThat(row.get("roles")).extracting(JsonNode::asText).containsExactly("user", "admin");
        assertThat(body(get(
                                "/api/admin/users?status=active&created_from=" + registeredAt + "&created_to="
                                        + registeredAt.plusSeconds(1),
                                admin))
                        .get("total")
                        .asLong())
                .isZero();

        // the detail and the login history: every entry still counted, none with an address or agent
        HttpResponse<String> detail = get("/api/admin/users/" + userId, admin);
        assertThat(body(detail).get("status").asText()).isEqualTo("erased");
        assertThat(body(detail).get("recent_activity")).hasSize(3);
        assertThat(detail.body()).doesNotContain(email, newEmail, ipAddress, userAgent);
        HttpResponse<String> logins = get("/api/admin/users/" + userId + "/logins", admin);
        assertThat(body(logins).get("total").asLong()).isEqualTo(3);
        assertThat(logins.body()).doesNotContain(ipAddress, userAgent);

        // point in time: erased from the erasure on; before it, what the scrubbed log tells
        JsonNode after = body(get(asOf(erasedAt), auditor));
        assertThat(after.get("status").asText()).isEqualTo("erased");
        assertThat(after.get("email").isNull()).isTrue();
        assertThat(after.get("sessions")).isEmpty();
        HttpResponse<String> beforeResponse = get(asOf(erasedAt.minusSeconds(1)), auditor);
        JsonNode before = body(beforeResponse);
        assertThat(before.get("status").asText()).isEqualTo("active");
        assertThat(before.get("email").isNull()).isTrue();
        assertThat(before.get("email_verified").asBoolean()).isTrue();
        assertThat(before.get("roles")).extracting(JsonNode::asText).containsExactly("user", "admin");
        assertThat(before.get("sessions"))
                .extracting(session -> session.get("id").asText())
                .containsExactly(sessionId);
        assertThat(beforeResponse.body()).doesNotContain(email, newEmail, ipAddress, userAgent);

        // the audit trail: every event, in order, with its actor, none with personal data
        HttpResponse<String> export = get("/api/admin/audit/export?aggregate=" + userId, auditor);
        List<JsonNode> lines = export.body().lines().map(this::json).toList();
        assertThat(lines)
                .extracting(line -> line.get("type").asText())
                .containsExactlyElementsOf(
                        history.stream().map(EventEnvelope::type).toList());
        assertThat(lines).extracting(line -> line.get("actor").asText()).contains("admin-a", userId);
        assertThat(lines)
                .filteredOn(line -> line.get("type").asText().equals("UserErased"))
                .extracting(line -> line.get("actor").asText())
                .containsExactly("admin-a");
        assertThat(export.body()).doesNotContain(email, newEmail, ipAddress, userAgent);
    }

    @Test
    void userErasedWhenEverythingRedeliveredThenNothingChanges() {
        // given
        erase();
        String rowBefore = adminRow();

        // when: every record again, as published then, personal data included
        List.copyOf(history).forEach(this::publish);
        awaitLaterEventProjected();

        // then
        assertThat(adminRow()).isEqualTo(rowBefore);
        assertNoTrace();
    }

    @Test
    void userErasedWhenItsEventsArriveAgainAsNewEventsThenNoPersonalDataComesBackAndTheConsumerGoesOn() {
        // given
        erase();

        // when: the user's events under new ids, as a republish after the erasure has them (personal fields
        // null), and as a replay of records published before it would (personal fields in clear)
        for (EventEnvelope envelope : List.copyOf(history)) {
            if (!envelope.type().equals("UserErased")) {
                publish(copy(envelope, ErasedUsers.withoutPersonalData(envelope).payload()));
                publish(copy(envelope, envelope.payload()));
            }
        }
        publishAt(new UserEnabled(userId, "admin-b", erasedAt.plusSeconds(60)), erasedAt.plusSeconds(60));
        awaitLaterEventProjected();

        // then
        assertThat(body(get("/api/admin/users/" + userId, admin)).get("status").asText())
                .isEqualTo("erased");
        assertThat(get("/api/users/me", accessToken(userId, randomId())).statusCode())
                .isEqualTo(404);
        assertNoTrace();
    }

    private void erase() {
        publishAt(
                new SessionRevoked(
                        userId, sessionId, SessionRevocationReason.USER_ERASED, erasedAt, erasedAt.plusSeconds(300)),
                erasedAt);
        publishAt(new UserErased(userId, "admin-a", erasedAt), erasedAt);
        awaitProjected();
    }

    private void assertNoTrace() {
        for (String personal : List.of(email, newEmail, ipAddress, userAgent, passwordHash)) {
            assertThat(occurrences(personal)).as("columns holding %s", personal).isEmpty();
        }
    }

    /**
     * Every text, JSON and array column of the service's schema, generated from {@code information_schema}, so a
     * table added later is searched too: which ones hold {@code text} in some row, and in how many.
     */
    private Map<String, Long> occurrences(String text) {
        List<Map<String, Object>> columns = jdbc.sql("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = current_schema()
                          and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
                        order by table_name, column_name""").query().listOfRows();
        assertThat(columns)
                .extracting(column -> column.get("table_name") + "." + column.get("column_name"))
                .contains("audit_entry.payload", "user_session.device");
        Map<String, Long> found = new LinkedHashMap<>();
        for (Map<String, Object> column : columns) {
            String name = column.get("table_name") + "." + column.get("column_name");
            // Names from the catalogue, quoted; the searched text is a bind parameter.
            long rows = jdbc.sql("select count(*) from \"" + column.get("table_name") + "\" where strpos(cast(\""
                            + column.get("column_name") + "\" as text), :text) > 0")
                    .param("text", text)
                    .query(Long.class)
                    .single();
            if (rows > 0) {
                found.put(name, rows);
            }
        }
        return found;
    }

    private String asOf(Instant at) {
        return "/api/admin/users/" + userId + "/as-of?at=" + at;
    }

    private String adminRow() {
        return jdbc.sql("select row_to_json(r)::text from admin_user_row r where user_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .single();
    }

    private void publishAt(UserEvent event, Instant occurredAt) {
        EventEnvelope envelope = EventCatalog.wrap(randomId(), event, userId, history.size(), ++position, occurredAt);
        history.add(envelope);
        publish(envelope);
    }

    private EventEnvelope copy(EventEnvelope envelope, JsonNode payload) {
        return new EventEnvelope(
                randomId(),
                envelope.type(),
                envelope.revision(),
                envelope.aggregateId(),
                envelope.sequenceNumber(),
                ++position,
                envelope.occurredAt(),
                ((ObjectNode) payload).deepCopy());
    }

    /** Every event published so far has its audit entry: the listener handles a record in one transaction. */
    private void awaitProjected() {
        List<String> ids = history.stream().map(EventEnvelope::eventId).toList();
        await().atMost(PROJECTED_WITHIN)
                .until(() -> jdbc.sql("select count(*) from audit_entry where event_id in (:ids)")
                                .param("ids", ids)
                                .query(Long.class)
                                .single()
                        == ids.size());
    }

    /** The topic has one partition: once a later record of someone else is projected, everything before it is. */
    private void awaitLaterEventProjected() {
        String sentinel = randomId();
        publish(new UserRegistered(sentinel, randomEmail(), "hash", Instant.now()));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> jdbc.sql("select count(*) from admin_user_row where user_id = :u")
                                .param("u", sentinel)
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private JsonNode json(String line) {
        try {
            return this.json.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
