package dev.watchword.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import dev.watchword.query.eventstream.EnvelopeProjection;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Replays through the real filter chain, against real PostgreSQL, with the live stream running: the
 * shadow is built from the log while the live read model keeps serving and being fed, events published meanwhile
 * reach the shadow, and the switch-over swaps it in.
 */
class ReplayIT extends IntegrationTestSupport {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final String REPLAYS = "/api/admin/replays";

    @Autowired
    private List<EnvelopeProjection> envelopeProjections;

    private String operator;
    private String reader;
    /** Positions of the envelopes built here: above everything already in the log, so they arrive in order. */
    private long position;

    @BeforeEach
    void tokens() {
        operator = accessToken(randomId(), randomId(), List.of("apps:write"), 0L);
        reader = accessToken(randomId(), randomId(), List.of("users:read", "audit:read"), 0L);
        position = jdbc.sql("select coalesce(max(position), 0) from audit_entry")
                        .query(Long.class)
                        .single()
                + 1_000_000
                + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    @AfterEach
    void noReplayLeftRunning() {
        jdbc.sql("select replay_id from replay where status in ('building', 'caught_up')")
                .query(String.class)
                .list()
                .forEach(id -> send(REPLAYS + "/" + id + "/", HttpRequest.Builder::DELETE, operator));
    }

    @Test
    void replayWhenLiveReadModelCorruptedThenSwitchOverRestoresItWithEventsPublishedMeanwhile() {
        // given: three users, projected live
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String alice = randomId();
        String bob = randomId();
        String carol = randomId();
        publishAt(new UserRegistered(alice, randomEmail(), "hash", at));
        publishAt(new UserRegistered(bob, randomEmail(), "hash", at.plusSeconds(1)));
        publishAt(new UserRegistered(carol, randomEmail(), "hash", at.plusSeconds(2)));
        String aliceEmail = randomEmail();
        publishAt(new EmailVerified(alice, aliceEmail, at.plusSeconds(3)));
        publishAt(new RoleAssigned(alice, "auditor", "admin-1", at.plusSeconds(4)));
        publishAt(new LoginSucceeded(bob, randomId(), "203.0.113.1", "it", at.plusSeconds(5), null));
        EventEnvelope last = publishAt(new UserDisabled(carol, "admin-1", at.plusSeconds(6)));
        awaitRecorded(last);
        List<Map<String, Object>> projected = rows("admin_user_row", alice, bob, carol);
        assertThat(projected).hasSize(3);
        // ... then corrupted
        jdbc.sql("update admin_user_row set email = 'corrupted@example.com', roles = array['user'] where user_id = :id")
                .param("id", alice)
                .update();
        jdbc.sql("delete from admin_user_row where user_id = :id")
                .param("id", bob)
                .update();

        // when: a replay starts, and events keep coming
        HttpResponse<String> started = post(REPLAYS, "{\"projection\": \"admin_user_row\"}");
        String dave = randomId();
        publishAt(new UserRegistered(dave, randomEmail(), "hash", at.plusSeconds(7)));
        EventEnvelope meanwhile = publishAt(new RoleAssigned(bob, "support", "admin-2", at.plusSeconds(8)));

        // then: accepted, and the live read model keeps serving (its own, corrupted, state)
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode replay = body(started);
        String id = replay.get("id").asText();
        assertThat(started.headers().firstValue("Location")).hasValue(REPLAYS + "/" + id + "/");
        assertThat(replay.get("projection").asText()).isEqualTo("admin_user_row");
        assertThat(replay.get("target_position").asLong()).isGreaterThanOrEqualTo(last.globalIndex());
        HttpResponse<String> liveRead = get("/api/admin/users/" + alice + "/", reader);
        assertThat(liveRead.statusCode()).isEqualTo(200);
        assertThat(body(liveRead).get("email").asText()).isEqualTo("corrupted@example.com");

        // and: it catches up, with the events published meanwhile
        awaitRecorded(meanwhile);
        JsonNode caughtUp = await().atMost(WITHIN)
                .until(
                        () -> progress(id),
                        progress -> progress.get("status").asText().equals("caught_up")
                                && progress.get("position").asLong() >= meanwhile.globalIndex());
        assertThat(caughtUp.get("lag").asLong()).isZero();
        assertThat(caughtUp.get("events_applied").asLong()).isGreaterThanOrEqualTo(9);
        String shadow = jdbc.sql("select shadow_schema from replay where replay_id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        List<Map<String, Object>> inShadow = rows(shadow + ".admin_user_row", alice, bob, carol, dave);
        assertThat(inShadow).hasSize(4);
        assertThat(inShadow.get(indexOf(inShadow, alice))).containsEntry("email", aliceEmail);
        List<Object> untouched = List.of(alice, carol);
        assertThat(inShadow.stream().filter(row -> untouched.contains(row.get("user_id"))))
                .containsExactlyInAnyOrderElementsOf(projected.stream()
                        .filter(row -> untouched.contains(row.get("user_id")))
                        .toList());
        assertThat(rolesOf(inShadow, bob)).containsExactly("user", "support");
        // the live table is untouched until the switch-over
        assertThat(rows("admin_user_row", bob)).isEmpty();

        // when
        HttpResponse<String> switched = post(REPLAYS + "/" + id + "/switch/", "");

        // then: the shadow is the live read model, under the original index names, and the stream feeds it
        assertThat(switched.statusCode()).isEqualTo(200);
        assertThat(body(switched).get("status").asText()).isEqualTo("switched");
        assertThat(body(switched).get("pause_millis").isNumber()).isTrue();
        List<Map<String, Object>> live = rows("admin_user_row", alice, bob, carol, dave);
        assertThat(live).containsExactlyInAnyOrderElementsOf(inShadow);
        assertThat(body(get("/api/admin/users/" + alice + "/", reader))
                        .get("email")
                        .asText())
                .isEqualTo(aliceEmail);
        assertThat(jdbc.sql("select indexname from pg_indexes where schemaname = current_schema() "
                                + "and tablename = 'admin_user_row'")
                        .query(String.class)
                        .list())
                .contains("admin_user_row_pkey", "admin_user_row_app_created", "admin_user_row_roles");
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname like :shadow || '%'")
                        .param("shadow", shadow)
                        .query(Long.class)
                        .single())
                .isZero();
        EventEnvelope after = publishAt(new RoleAssigned(dave, "auditor", "admin-1", at.plusSeconds(9)));
        awaitRecorded(after);
        await().atMost(WITHIN)
                .untilAsserted(() ->
                        assertThat(rolesOf(rows("admin_user_row", dave), dave)).containsExactly("user", "auditor"));
    }

    @Test
    void switchWhenEventRecordedBelowReplayPositionThenAppliedToo() {
        // given: a replay at the head of the log
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope head = publishAt(new UserRegistered(randomId(), randomEmail(), "hash", at));
        awaitRecorded(head);
        String id = body(post(REPLAYS, "{\"projection\": \"admin_user_row\"}"))
                .get("id")
                .asText();
        await().atMost(WITHIN)
                .until(
                        () -> progress(id),
                        progress -> progress.get("status").asText().equals("caught_up")
                                && progress.get("position").asLong() >= head.globalIndex());

        // when: an event of a lower position is recorded only now, as a lagging Kafka partition delivers it
        String late = randomId();
        UserRegistered registered = new UserRegistered(late, randomEmail(), "hash", at);
        EventEnvelope lagging =
                EventCatalog.wrap(randomId(), registered, late, 0, head.globalIndex() - 500, Instant.now());
        publish(lagging);
        awaitRecorded(lagging);
        HttpResponse<String> switched = post(REPLAYS + "/" + id + "/switch", "");

        // then: the switch-over found it and applied it to the shadow before swapping
        assertThat(switched.statusCode()).isEqualTo(200);
        assertThat(rows("admin_user_row", late)).hasSize(1);
    }

    @Test
    void replayWhenProjectionWritesTwoTablesThenBothRebuilt() {
        // given: a day of its own, far in the future, counted live and then corrupted
        LocalDate day =
                LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3_000));
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3_600);
        String user = randomId();
        publishAt(new UserRegistered(user, randomEmail(), "hash", at));
        publishAt(new LoginSucceeded(user, randomId(), "203.0.113.1", "it", at.plusSeconds(60), null));
        publishAt(new LoginSucceeded(user, randomId(), "203.0.113.1", "it", at.plusSeconds(120), null));
        EventEnvelope last = publishAt(
                new LoginFailed(user, LoginFailureReason.WRONG_PASSWORD, "203.0.113.1", "it", at.plusSeconds(180)));
        awaitRecorded(last);
        Map<String, Object> counted = daily(day, "daily_activity");
        assertThat(counted)
                .containsEntry("registrations", 1L)
                .containsEntry("logins", 2L)
                .containsEntry("failed_logins", 1L)
                .containsEntry("active_users", 1L);
        jdbc.sql("update daily_activity set logins = 99 where day = :day")
                .param("day", day)
                .update();
        jdbc.sql("delete from daily_active_user where day = :day")
                .param("day", day)
                .update();

        // when
        String id = body(post(REPLAYS, "{\"projection\": \"daily_activity\"}"))
                .get("id")
                .asText();
        await().atMost(WITHIN).until(() -> progress(id).get("status").asText().equals("caught_up"));
        HttpResponse<String> switched = post(REPLAYS + "/" + id + "/switch", "");

        // then
        assertThat(switched.statusCode()).isEqualTo(200);
        assertThat(daily(day, "daily_activity")).isEqualTo(counted);
        assertThat(jdbc.sql("select user_id from daily_active_user where day = :day")
                        .param("day", day)
                        .query(String.class)
                        .list())
                .containsExactly(user);
    }

    @Test
    void replayWhenProfileReplayedThenMemoryOfLiveReadsUntouched() {
        // given: a profile whose row was corrupted, then read (so the corrupted row is what memory holds)
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String user = randomId();
        String email = randomEmail();
        EventEnvelope registered = publishAt(new UserRegistered(user, email, "hash", at));
        awaitRecorded(registered);
        await().atMost(WITHIN)
                .until(() -> jdbc.sql("select count(*) from user_profile where user_id = :id")
                                .param("id", user)
                                .query(Long.class)
                                .single()
                        == 1);
        jdbc.sql("update user_profile set email = 'corrupted@example.com' where user_id = :id")
                .param("id", user)
                .update();
        String token = accessToken(user, randomId());
        assertThat(body(get("/api/users/me/", token)).get("email").asText()).isEqualTo("corrupted@example.com");

        // when: replayed up to the head, not switched
        String id = body(post(REPLAYS, "{\"projection\": \"user_profile\"}"))
                .get("id")
                .asText();
        await().atMost(WITHIN).until(() -> progress(id).get("status").asText().equals("caught_up"));

        // then: the projection's after-commit callback, which replaces cached profiles with the rows it wrote, never
        // ran for the shadow row: memory still holds what it read from the live table (within the cache's 30 s)
        assertThat(body(get("/api/users/me/", token)).get("email").asText()).isEqualTo("corrupted@example.com");
        String shadow = jdbc.sql("select shadow_schema from replay where replay_id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(jdbc.sql("select email from " + shadow + ".user_profile where user_id = :id")
                        .param("id", user)
                        .query(String.class)
                        .single())
                .isEqualTo(email);

        // when
        HttpResponse<String> abandoned = send(REPLAYS + "/" + id + "/", HttpRequest.Builder::DELETE, operator);

        // then: the shadow is gone, the live table as it was
        assertThat(abandoned.statusCode()).isEqualTo(200);
        assertThat(body(abandoned).get("status").asText()).isEqualTo("abandoned");
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname = :shadow")
                        .param("shadow", shadow)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select email from user_profile where user_id = :id")
                        .param("id", user)
                        .query(String.class)
                        .single())
                .isEqualTo("corrupted@example.com");
    }

    @Test
    void listenerWhenEventAppliedThenSwitchOverGateFirst() {
        // Before any read model is written: a listener transaction holding a row lock while it waits for the gate
        // would deadlock with a switch-over waiting for that row's table.
        assertThat(envelopeProjections.getFirst()).isInstanceOf(SwitchOverGate.class);
    }

    private EventEnvelope publishAt(UserEvent event) {
        EventEnvelope envelope = EventCatalog.wrap(randomId(), event, event.userId(), 0, ++position, Instant.now());
        publish(envelope);
        return envelope;
    }

    private void awaitRecorded(EventEnvelope envelope) {
        await().atMost(WITHIN)
                .until(() -> jdbc.sql("select count(*) from audit_entry where event_id = :id")
                                .param("id", envelope.eventId())
                                .query(Long.class)
                                .single()
                        == 1);
    }

    private JsonNode progress(String id) {
        HttpResponse<String> response = get(REPLAYS + "/" + id + "/", operator);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode progress = body(response);
        assertThat(progress.get("status").asText()).isNotIn("failed", "abandoned");
        return progress;
    }

    private HttpResponse<String> post(String path, String json) {
        return send(
                path,
                builder -> builder.POST(HttpRequest.BodyPublishers.ofString(json))
                        .header("Content-Type", "application/json"),
                operator);
    }

    private List<Map<String, Object>> rows(String table, String... userIds) {
        return new ArrayList<>(jdbc.sql("select user_id, email, status, email_verified, "
                        + "array_to_string(roles, ',') as roles, created_at, last_login_at from " + table
                        + " where user_id in (:ids) order by user_id")
                .param("ids", List.of(userIds))
                .query()
                .listOfRows());
    }

    private Map<String, Object> daily(LocalDate day, String table) {
        return jdbc.sql("select registrations, logins, failed_logins, lockouts, active_users from " + table
                        + " where day = :day")
                .param("day", day)
                .query()
                .singleRow();
    }

    private static List<String> rolesOf(List<Map<String, Object>> rows, String userId) {
        return List.of(((String) rows.get(indexOf(rows, userId)).get("roles")).split(","));
    }

    private static int indexOf(List<Map<String, Object>> rows, String userId) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get("user_id").equals(userId)) {
                return i;
            }
        }
        throw new AssertionError("No row of " + userId);
    }
}
