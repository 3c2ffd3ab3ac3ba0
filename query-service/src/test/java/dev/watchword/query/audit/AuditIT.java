package dev.watchword.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.events.user.PasswordResetRequested;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audit trail, fed through the topic and read through the real filter chain. */
class AuditIT extends IntegrationTestSupport {

    private static final Duration RECORDED_WITHIN = Duration.ofSeconds(30);
    private static final String AUDIT = "/api/admin/audit";
    private static final String EXPORT = "/api/admin/audit/export";
    private static final AppSettings SETTINGS = new AppSettings(
            List.of("password"), false, 15, 30, 10, List.of("https://one.example"), "https://one.example/auth", "One");

    private final List<String> published = new ArrayList<>();
    private String auditor;
    /** Positions of envelopes built here: far above the shared counter, and apart from earlier runs'. */
    private long base;

    @BeforeEach
    void auditorToken() {
        // The platform operator: these tests read client apps' events too, which an app's auditor would not see.
        auditor = accessToken(randomId(), randomId(), List.of("audit:read", "apps:write"), 0L);
        base = 1_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L) * 1_000;
    }

    @Test
    void auditWhenEventsReceivedThenListedInPositionOrderWithActorIpAndApp() {
        // given: published out of position order, as partitions may deliver them
        String userId = randomId();
        String appId = randomId();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope registered = publishAt(new UserRegistered(userId, randomEmail(), "hash", at), userId, 1, at);
        EventEnvelope failed = publishAt(
                new LoginFailed(userId, LoginFailureReason.WRONG_PASSWORD, "203.0.113.7", "it", at), userId, 3, at);
        EventEnvelope assigned = publishAt(new RoleAssigned(userId, "auditor", "admin-1", at), userId, 2, at);
        EventEnvelope reset = publishAt(
                new PasswordResetRequested(
                        userId, "a@example.com", "th", "et", "198.51.100.4", at, at.plusSeconds(600)),
                userId,
                4,
                at);
        EventEnvelope forced = publishAt(
                new PasswordResetRequested(
                        userId, "a@example.com", "th", "et", null, at, at.plusSeconds(600), "admin-2"),
                userId,
                5,
                at);
        EventEnvelope future = publishTracked(new EventEnvelope(
                randomId(),
                "SomethingFromANewerProducer",
                null,
                userId,
                6,
                base + 6,
                at,
                json.createObjectNode()
                        .put("userId", userId)
                        .put("ipAddress", "192.0.2.1")
                        .put("note", "new")));
        EventEnvelope app =
                publishAt(new ClientAppRegistered(appId, "Shop", "client-1", "operator-1", at), appId, 7, at);
        EventEnvelope settings = publishAt(new AppSettingsChanged(appId, SETTINGS, "admin-3", at), appId, 8, at);
        awaitRecorded();

        // when
        JsonNode userTrail = list("?aggregate=" + userId);
        JsonNode appTrail = list("?aggregate=" + appId);

        // then
        assertThat(eventIds(userTrail))
                .containsExactly(
                        registered.eventId(),
                        assigned.eventId(),
                        failed.eventId(),
                        reset.eventId(),
                        forced.eventId(),
                        future.eventId());
        assertThat(userTrail.get("items"))
                .extracting(item -> item.get("position").asLong())
                .containsExactly(base + 1, base + 2, base + 3, base + 4, base + 5, base + 6);
        assertThat(userTrail.get("items"))
                .extracting(item -> item.get("actor").asText())
                .containsExactly(userId, "admin-1", userId, userId, "admin-2", "system");
        assertThat(userTrail.get("items"))
                .extracting(item -> item.get("ip_address").asText(null))
                .containsExactly(null, null, "203.0.113.7", "198.51.100.4", null, "192.0.2.1");
        assertThat(userTrail.get("items"))
                .extracting(item -> item.get("app_id").asText())
                .containsOnly("default");
        assertThat(userTrail.get("next_after").asLong()).isEqualTo(base + 6);

        JsonNode first = userTrail.get("items").get(0);
        assertThat(first.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "position",
                        "event_id",
                        "type",
                        "aggregate_id",
                        "sequence",
                        "occurred_at",
                        "app_id",
                        "actor",
                        "ip_address",
                        "payload");
        assertThat(first.get("type").asText()).isEqualTo("UserRegistered");
        assertThat(first.get("aggregate_id").asText()).isEqualTo(userId);
        assertThat(first.get("sequence").asLong()).isEqualTo(1);
        assertThat(Instant.parse(first.get("occurred_at").asText())).isEqualTo(at);
        assertThat(first.get("payload").get("userId").asText()).isEqualTo(userId);
        assertThat(first.get("payload").get("registeredAt")).isNotNull();

        // A type this version does not know is kept with its payload as published, and not marked processed.
        JsonNode unknown = userTrail.get("items").get(5);
        assertThat(unknown.get("type").asText()).isEqualTo("SomethingFromANewerProducer");
        assertThat(unknown.get("payload")).isEqualTo(future.payload());
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = :id")
                        .param("id", future.eventId())
                        .query(Long.class)
                        .single())
                .isZero();

        assertThat(eventIds(appTrail)).containsExactly(app.eventId(), settings.eventId());
        assertThat(appTrail.get("items"))
                .extracting(item -> item.get("app_id").asText())
                .containsOnly(appId);
        assertThat(appTrail.get("items"))
                .extracting(item -> item.get("actor").asText())
                .containsExactly("operator-1", "admin-3");
        assertThat(appTrail.get("items")
                        .get(1)
                        .get("payload")
                        .get("settings")
                        .get("senderName")
                        .asText())
                .isEqualTo("One");
    }

    @Test
    void auditWhenFilteredThenOnlyMatchingEntriesInPositionOrder() {
        // given
        String userId = randomId();
        String otherUser = randomId();
        String appId = randomId();
        String admin = "admin-" + randomId();
        Instant day = Instant.parse("2031-03-01T00:00:00Z")
                .plusSeconds(ThreadLocalRandom.current().nextInt(86_400));
        EventEnvelope assigned = publishAt(new RoleAssigned(userId, "auditor", admin, day), userId, 1, day);
        EventEnvelope revoked = publishAt(
                new RoleRevoked(userId, "auditor", admin, day.plusSeconds(60)), userId, 2, day.plusSeconds(60));
        EventEnvelope disabled =
                publishAt(new UserDisabled(otherUser, admin, day.plusSeconds(120)), otherUser, 3, day.plusSeconds(120));
        EventEnvelope login = publishAt(
                new LoginSucceeded(userId, randomId(), "203.0.113.9", "it", day.plusSeconds(180), null),
                userId,
                4,
                day.plusSeconds(180));
        EventEnvelope enabled =
                publishAt(new UserEnabled(otherUser, admin, day.plusSeconds(240)), otherUser, 5, day.plusSeconds(240));
        EventEnvelope appRegistered = publishAt(new ClientAppRegistered(appId, "Shop", "c", admin, day), appId, 6, day);
        awaitRecorded();

        // then
        assertThat(eventIds(list("?actor=" + admin)))
                .containsExactly(
                        assigned.eventId(),
                        revoked.eventId(),
                        disabled.eventId(),
                        enabled.eventId(),
                        appRegistered.eventId());
        assertThat(eventIds(list("?actor=" + admin + "&type=RoleAssigned,UserEnabled")))
                .containsExactly(assigned.eventId(), enabled.eventId());
        assertThat(eventIds(list("?actor=" + admin + "&type=RoleRevoked&type=UserDisabled")))
                .containsExactly(revoked.eventId(), disabled.eventId());
        assertThat(eventIds(list("?aggregate=" + userId)))
                .containsExactly(assigned.eventId(), revoked.eventId(), login.eventId());
        assertThat(eventIds(list("?aggregate=" + userId + "&actor=" + userId))).containsExactly(login.eventId());
        assertThat(eventIds(list("?app=" + appId))).containsExactly(appRegistered.eventId());
        assertThat(eventIds(list("?actor=" + admin + "&app=default")))
                .containsExactly(assigned.eventId(), revoked.eventId(), disabled.eventId(), enabled.eventId());
        // from inclusive, to exclusive
        assertThat(eventIds(list("?actor=" + admin + "&from=" + day.plusSeconds(60) + "&to=" + day.plusSeconds(240))))
                .containsExactly(revoked.eventId(), disabled.eventId());
        assertThat(eventIds(list("?aggregate=" + userId + "&from=" + day.plusSeconds(61))))
                .containsExactly(login.eventId());
        assertThat(eventIds(list("?actor=" + admin + "&type=LoginSucceeded"))).isEmpty();
        assertThat(list("?actor=" + admin + "&type=LoginSucceeded")
                        .get("next_after")
                        .isNull())
                .isTrue();
        assertThat(exportLines("?actor=" + admin + "&type=RoleAssigned,UserEnabled"))
                .extracting(line -> line.get("event_id").asText())
                .containsExactly(assigned.eventId(), enabled.eventId());
    }

    @Test
    void auditWhenWalkedByNextAfterThenEveryEntryExactlyOnce() {
        // given
        String userId = randomId();
        List<String> ids = new ArrayList<>();
        ids.add(publishTracked(new UserRegistered(userId, randomEmail(), "hash", Instant.now()))
                .eventId());
        for (int i = 0; i < 24; i++) {
            ids.add(publishTracked(new LoginSucceeded(userId, randomId(), "203.0.113.1", "it", Instant.now(), null))
                    .eventId());
        }
        awaitRecorded();

        // when
        List<String> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        long after = -1;
        JsonNode page;
        do {
            page = list("?aggregate=" + userId + "&limit=7&after=" + after);
            pageSizes.add(page.get("items").size());
            walked.addAll(eventIds(page));
            if (!page.get("next_after").isNull()) {
                after = page.get("next_after").asLong();
            }
        } while (!page.get("next_after").isNull());

        // then
        assertThat(walked).containsExactlyElementsOf(ids);
        assertThat(pageSizes).containsExactly(7, 7, 7, 4, 0);
        assertThat(eventIds(list("?aggregate=" + userId + "&limit=100000")).size())
                .isEqualTo(25);
    }

    @Test
    void auditWhenLimitAboveMaximumThenThousandAndDefaultIsHundred() {
        String userId = randomId();
        for (int i = 0; i < 3; i++) {
            publishAt(
                    new LoginSucceeded(userId, randomId(), null, "it", Instant.now(), null), userId, i, Instant.now());
        }
        awaitRecorded();

        assertThat(list("?aggregate=" + userId + "&limit=5000").get("items")).hasSize(3);
        assertThat(list("?aggregate=" + userId + "&limit=2").get("items")).hasSize(2);
        assertThat(list("?aggregate=" + userId + "&after=" + (base + 1)).get("items"))
                .hasSize(1);
        // Default and maximum, on the whole trail. One partition: everything published before these events has
        // been consumed, so the count stays put.
        long total =
                jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
        assertThat(list("").get("items")).hasSize((int) Math.min(total, 100));
        assertThat(list("?limit=5000").get("items")).hasSize((int) Math.min(total, 1000));
    }

    @Test
    void auditWhenEventsRedeliveredThenNothingAdded() {
        // given
        String userId = randomId();
        EventEnvelope registered = publishTracked(new UserRegistered(userId, randomEmail(), "hash", Instant.now()));
        EventEnvelope assigned = publishTracked(new RoleAssigned(userId, "auditor", "admin-1", Instant.now()));
        EventEnvelope future = publishTracked(new EventEnvelope(
                randomId(),
                "SomethingFromANewerProducer",
                null,
                userId,
                3,
                base,
                Instant.now(),
                json.createObjectNode().put("userId", userId)));
        awaitRecorded();
        JsonNode before = list("?aggregate=" + userId);

        // when: the same envelopes again, then one more to wait for (same key, so it comes after them)
        for (EventEnvelope again : List.of(registered, assigned, future, registered)) {
            publish(again);
        }
        EventEnvelope later = publishTracked(new UserDisabled(userId, "admin-1", Instant.now()));
        awaitRecorded();

        // then
        JsonNode after = list("?aggregate=" + userId);
        assertThat(eventIds(after))
                .containsExactly(registered.eventId(), assigned.eventId(), later.eventId(), future.eventId());
        assertThat(after.get("items").get(0)).isEqualTo(before.get("items").get(0));
        assertThat(jdbc.sql("select count(*) from audit_entry where aggregate_id = :id")
                        .param("id", userId)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void auditWhenPayloadHoldsHashesOrSealedSecretsThenRedactedInListAndExport() {
        // given: every secret-bearing field, each value unique, so finding one anywhere means it leaked
        String userId = randomId();
        String appId = randomId();
        String sessionId = randomId();
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            secrets.add("secret" + i + "-" + randomId());
        }
        Instant now = Instant.now();
        publishTracked(new UserRegistered(userId, randomEmail(), secrets.get(0), now));
        publishTracked(
                new SessionStarted(userId, sessionId, secrets.get(1), "203.0.113.1", "it", now, now.plusSeconds(60)));
        publishTracked(
                new RefreshTokenRotated(userId, sessionId, secrets.get(2), secrets.get(3), now, now.plusSeconds(60)));
        publishTracked(new EmailOtpRequested(
                userId,
                "a@example.com",
                randomId(),
                secrets.get(4),
                secrets.get(5),
                "203.0.113.1",
                now,
                now.plusSeconds(60)));
        publishTracked(new MagicLinkRequested(
                userId, "a@example.com", secrets.get(6), secrets.get(7), "203.0.113.1", now, now.plusSeconds(60)));
        publishTracked(new EventEnvelope(
                randomId(),
                "SomethingFromANewerProducer",
                null,
                userId,
                0,
                base,
                now,
                json.createObjectNode()
                        .put("userId", userId)
                        .<ObjectNode>set(
                                "nested",
                                json.createArrayNode()
                                        .add(json.createObjectNode()
                                                .put("codeHash", secrets.get(8))
                                                .put("passwordHash", (String) null)))));
        publishTracked(new ApiKeyIssued(appId, randomId(), "wwk_live_abcd", secrets.get(9), "operator-1", now));
        awaitRecorded();

        // when
        HttpResponse<String> userList = get(AUDIT + "?aggregate=" + userId, auditor);
        HttpResponse<String> appList = get(AUDIT + "?aggregate=" + appId, auditor);
        HttpResponse<String> export = get(EXPORT + "?aggregate=" + userId, auditor);

        // then
        for (HttpResponse<String> response : List.of(userList, appList, export)) {
            assertThat(response.statusCode()).isEqualTo(200);
            for (String secret : secrets) {
                assertThat(response.body()).doesNotContain(secret);
            }
        }
        JsonNode items = body(userList).get("items");
        // credential hashes are withheld from what is stored at all (WithheldFields); the rest is redacted
        assertThat(items.get(0).get("payload").get("passwordHash").isNull()).isTrue();
        assertThat(items.get(1).get("payload").get("refreshTokenHash").isNull()).isTrue();
        assertThat(items.get(2).get("payload").get("previousTokenHash").isNull())
                .isTrue();
        assertThat(items.get(2).get("payload").get("refreshTokenHash").isNull()).isTrue();
        assertThat(items.get(3).get("payload").get("codeHash").isNull()).isTrue();
        assertThat(items.get(3).get("payload").get("encryptedCode").asText()).isEqualTo("[redacted]");
        assertThat(items.get(4).get("payload").get("tokenHash").isNull()).isTrue();
        assertThat(items.get(4).get("payload").get("encryptedToken").asText()).isEqualTo("[redacted]");
        assertThat(items.get(4).get("payload").get("email").asText()).isEqualTo("a@example.com");
        JsonNode nested = items.get(5).get("payload").get("nested").get(0);
        assertThat(nested.get("codeHash").asText()).isEqualTo("[redacted]");
        assertThat(nested.get("passwordHash").isNull()).isTrue();
        assertThat(body(appList)
                        .get("items")
                        .get(0)
                        .get("payload")
                        .get("keyHash")
                        .asText())
                .isEqualTo("[redacted]");
        assertThat(body(appList)
                        .get("items")
                        .get(0)
                        .get("payload")
                        .get("prefix")
                        .asText())
                .isEqualTo("wwk_live_abcd");
        // a credential hash, even one an older producer published, is never stored
        assertThat(jdbc.sql("select payload -> 'passwordHash' = 'null'::jsonb from audit_entry where aggregate_id = :id"
                                + " and type = 'UserRegistered'")
                        .param("id", userId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void exportWhenFilteredThenStreamsOneJsonLinePerMatchingEntry() {
        // given: a few hundred events of one user
        String userId = randomId();
        String admin = "admin-" + randomId();
        publishTracked(new UserRegistered(userId, randomEmail(), "hash", Instant.now()));
        int roleEvents = 0;
        for (int i = 0; i < 320; i++) {
            if (i % 4 == 0) {
                publishTracked(new RoleAssigned(userId, "role-" + i, admin, Instant.now()));
                roleEvents++;
            } else {
                publishTracked(new LoginSucceeded(
                        userId, randomId(), "203.0.113." + (i % 200), "agent " + i, Instant.now(), null));
            }
        }
        awaitRecorded();

        // when
        HttpResponse<String> export = get(EXPORT + "?aggregate=" + userId, auditor);
        HttpResponse<String> exportWithSlash = get(EXPORT + "/?aggregate=" + userId + "&type=RoleAssigned", auditor);

        // then
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(export.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"watchword-audit.jsonl\"");
        // written as it is read, not buffered whole to learn its length
        assertThat(export.headers().firstValue("Content-Length")).isEmpty();
        assertThat(export.body()).endsWith("\n");
        List<JsonNode> lines = lines(export);
        assertThat(lines).hasSize(321).hasSize(walk("?aggregate=" + userId).size());
        assertThat(lines).containsExactlyElementsOf(walk("?aggregate=" + userId));
        assertThat(lines).extracting(line -> line.get("position").asLong()).isSorted();

        assertThat(exportWithSlash.statusCode()).isEqualTo(200);
        assertThat(lines(exportWithSlash))
                .hasSize(roleEvents)
                .hasSize(walk("?aggregate=" + userId + "&type=RoleAssigned").size())
                .allSatisfy(line -> assertThat(line.get("actor").asText()).isEqualTo(admin));
        assertThat(lines(get(EXPORT + "?aggregate=" + randomId(), auditor))).isEmpty();
    }

    @Test
    void auditWhenParametersMalformedThen400() {
        List<String> filters =
                List.of("?from=yesterday", "?to=2030-01-01", "?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z");
        List<String> paths = new ArrayList<>(List.of(AUDIT + "?limit=0", AUDIT + "?limit=-5", AUDIT + "?after=x"));
        filters.forEach(filter -> paths.addAll(List.of(AUDIT + filter, EXPORT + filter)));
        for (String path : paths) {
            HttpResponse<String> response = get(path, auditor);

            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(response).get("code").asText()).isEqualTo("MALFORMED_REQUEST");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {AUDIT, AUDIT + "/", EXPORT, EXPORT + "/"})
    void auditWhenTokenHoldsAuditReadThen200(String path) {
        HttpResponse<String> response = get(path + "?aggregate=" + randomId(), auditor);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {AUDIT, AUDIT + "/", EXPORT, EXPORT + "/", AUDIT + "/other"})
    void auditWhenTokenWithoutAuditReadThen403Forbidden(String path) {
        for (String token : List.of(
                accessToken(randomId(), randomId(), List.of(), 0L),
                accessToken(randomId(), randomId(), List.of("users:read", "apps:write"), 0L),
                accessToken(randomId(), randomId()))) {
            HttpResponse<String> response = get(path, token);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(response).get("code").asText()).isEqualTo("FORBIDDEN");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {AUDIT, AUDIT + "/", EXPORT, EXPORT + "/"})
    void auditWhenNoTokenThen401InvalidToken(String path) {
        HttpResponse<String> response = get(path, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    /** Publishes the event at position {@code base + offset}, keyed by {@code aggregateId}. */
    private EventEnvelope publishAt(Object event, String aggregateId, long offset, Instant occurredAt) {
        return publishTracked(EventCatalog.wrap(randomId(), event, aggregateId, offset, base + offset, occurredAt));
    }

    private EventEnvelope publishTracked(UserEvent event) {
        EventEnvelope envelope = publish(event);
        published.add(envelope.eventId());
        return envelope;
    }

    private EventEnvelope publishTracked(ClientAppEvent event) {
        EventEnvelope envelope = publish(event);
        published.add(envelope.eventId());
        return envelope;
    }

    private EventEnvelope publishTracked(EventEnvelope envelope) {
        publish(envelope);
        published.add(envelope.eventId());
        return envelope;
    }

    /** Every event published since the last call is in the trail. */
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

    private JsonNode list(String query) {
        HttpResponse<String> response = get(AUDIT + query, auditor);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return body(response);
    }

    /** Every item of the list with these filters, page by page. */
    private List<JsonNode> walk(String query) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode page = list(query + "&limit=50");
        while (!page.get("next_after").isNull()) {
            page.get("items").forEach(items::add);
            page = list(query + "&limit=50&after=" + page.get("next_after").asLong());
        }
        return items;
    }

    private List<JsonNode> exportLines(String query) {
        HttpResponse<String> response = get(EXPORT + query, auditor);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return lines(response);
    }

    private List<JsonNode> lines(HttpResponse<String> response) {
        return response.body()
                .lines()
                .map(line -> {
                    try {
                        return json.readTree(line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }

    private static List<String> eventIds(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("event_id").asText())
                .toList();
    }
}
