package dev.watchword.query.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Activity figures equal the events that fed them. The events are dated in a random far-future month, so
 * what other tests (and earlier runs, whose rows stay) counted never lands on the same days.
 */
class ActivityIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);

    private String auditor;

    @BeforeEach
    void auditorToken() {
        auditor = accessToken(randomId(), randomId(), List.of("audit:read"), 0L);
    }

    @Test
    void dailyAndMonthlyWhenEventsIncludingARedeliveryThenCountsEqualTheEvents() {
        // given
        YearMonth month = YearMonth.of(
                ThreadLocalRandom.current().nextInt(2200, 9000),
                ThreadLocalRandom.current().nextInt(1, 13));
        LocalDate day1 = month.atDay(3);
        LocalDate day2 = month.atDay(4);
        String alice = randomId();
        String bob = randomId();
        String carol = randomId();
        // day 1: 3 registrations, 4 logins by 2 users, 2 failed logins, 1 lockout
        publish(new UserRegistered(alice, randomEmail(), "hash", at(day1, 1)));
        publish(new UserRegistered(bob, randomEmail(), "hash", at(day1, 2)));
        EventEnvelope carolRegistered = publish(new UserRegistered(carol, randomEmail(), "hash", at(day1, 3)));
        publish(login(alice, at(day1, 4)));
        EventEnvelope aliceAgain = publish(login(alice, at(day1, 5)));
        publish(login(alice, at(day1, 6)));
        publish(login(bob, at(day1, 7)));
        publish(new LoginFailed(carol, LoginFailureReason.WRONG_PASSWORD, "192.0.2.9", "curl", at(day1, 8)));
        publish(new LoginFailed(carol, LoginFailureReason.LOCKED, "192.0.2.9", "curl", at(day1, 9)));
        publish(new LoginLocked(carol, "c@example.com", "192.0.2.9", 5, at(day1, 10), at(day1, 11)));
        // day 2: 1 login by alice, 1 failed login; reuse detection counts nowhere in the daily figures
        publish(login(alice, at(day2, 1)));
        publish(new LoginFailed(bob, LoginFailureReason.DISABLED, "192.0.2.9", "curl", at(day2, 2)));
        publish(new RefreshTokenReuseDetected(bob, randomId(), "192.0.2.9", "curl", at(day2, 3)));
        // redeliveries: Kafka is at-least-once
        publish(carolRegistered);
        publish(aliceAgain);
        // a sentinel after everything: once it is projected, so is all of the above (one partition, in order)
        String sentinel = randomId();
        publish(new UserRegistered(sentinel, randomEmail(), "hash", Instant.parse("2000-01-01T00:00:00Z")));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> jdbc.sql("select count(*) from admin_user_row where user_id = :u")
                                .param("u", sentinel)
                                .query(Long.class)
                                .single()
                        == 1);

        // when
        HttpResponse<String> response =
                get("/api/admin/activity/daily/?from=" + month.atDay(2) + "&to=" + day2, auditor);

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = body(response);
        assertThat(body.get("from").asText()).isEqualTo(month.atDay(2).toString());
        assertThat(body.get("to").asText()).isEqualTo(day2.toString());
        JsonNode items = body.get("items");
        assertThat(items)
                .extracting(item -> item.get("day").asText())
                .containsExactly(month.atDay(2).toString(), day1.toString(), day2.toString());
        assertDay(items.get(0), 0, 0, 0, 0, 0);
        assertDay(items.get(1), 3, 4, 2, 1, 2);
        assertDay(items.get(2), 0, 1, 1, 0, 1);
        assertThat(items.get(1).fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "day", "registrations", "logins", "failed_logins", "lockouts", "active_users");

        // monthly active users: alice and bob, each counted once
        HttpResponse<String> monthly = get("/api/admin/activity/monthly?month=" + month, auditor);
        assertThat(monthly.statusCode()).isEqualTo(200);
        assertThat(body(monthly).get("month").asText()).isEqualTo(month.toString());
        assertThat(body(monthly).get("active_users").asLong()).isEqualTo(2);
        assertThat(body(get("/api/admin/activity/monthly/?month=" + month.plusMonths(1), auditor))
                        .get("active_users")
                        .asLong())
                .isZero();
    }

    @Test
    void loginsWhenHistoryThenPagedLatestFirstWithEveryKindOfEntry() {
        // given
        String userId = randomId();
        String session = randomId();
        Instant start = Instant.parse("2031-05-05T10:00:00Z");
        publish(new UserRegistered(userId, randomEmail(), "hash", start));
        publish(new LoginFailed(
                userId, LoginFailureReason.WRONG_PASSWORD, "198.51.100.1", "curl", start.plusSeconds(1)));
        publish(new LoginLocked(
                userId, "x@example.com", "198.51.100.1", 5, start.plusSeconds(2), start.plusSeconds(62)));
        EventEnvelope succeeded = publish(new LoginSucceeded(
                userId, session, "192.0.2.1", "Firefox", start.plusSeconds(3), LoginMethod.MAGIC_LINK));
        publish(new RefreshTokenReuseDetected(userId, session, "203.0.113.1", "evil", start.plusSeconds(4)));
        publish(new LoginSucceeded(userId, randomId(), "192.0.2.1", "Firefox", start.plusSeconds(5), null));
        publish(succeeded);
        String sentinel = randomId();
        publish(new UserRegistered(sentinel, randomEmail(), "hash", start));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> jdbc.sql("select count(*) from admin_user_row where user_id = :u")
                                .param("u", sentinel)
                                .query(Long.class)
                                .single()
                        == 1);
        String users = accessToken(randomId(), randomId(), List.of("users:read"), 0L);

        // when
        HttpResponse<String> first = get("/api/admin/users/" + userId + "/logins?size=2", users);
        HttpResponse<String> last = get("/api/admin/users/" + userId + "/logins/?size=2&page=3", users);

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        JsonNode page = body(first);
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(2);
        assertThat(types(page)).containsExactly("login_succeeded", "refresh_token_reuse_detected");
        assertThat(page.get("items").get(0).get("method").asText()).isEqualTo("PASSWORD");
        assertThat(page.get("items").get(1).get("session_id").asText()).isEqualTo(session);
        assertThat(page.get("items").get(1).get("ip_address").asText()).isEqualTo("203.0.113.1");
        assertThat(types(body(last))).containsExactly("login_failed");
        assertThat(body(last).get("items").get(0).get("reason").asText()).isEqualTo("WRONG_PASSWORD");
        assertThat(types(body(get("/api/admin/users/" + userId + "/logins?size=2&page=2", users))))
                .containsExactly("login_succeeded", "login_locked");
        assertThat(body(get("/api/admin/users/" + randomId() + "/logins", users))
                        .get("total")
                        .asLong())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "daily?from=2031-02-01&to=2031-01-01",
                "daily?from=2030-01-01&to=2031-12-31",
                "daily?from=31.01.2031",
                "monthly?month=2031-13",
                "monthly?month=january"
            })
    void activityWhenParameterMalformedThen400MalformedRequest(String query) {
        HttpResponse<String> response = get("/api/admin/activity/" + query, auditor);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void dailyWhenNoRangeThenLastThirtyDaysEndingToday() {
        JsonNode body = body(get("/api/admin/activity/daily", auditor));

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(body.get("items")).hasSize(30);
        assertThat(LocalDate.parse(body.get("to").asText())).isBetween(today.minusDays(1), today);
    }

    private static LoginSucceeded login(String userId, Instant at) {
        return new LoginSucceeded(userId, randomId(), "192.0.2.1", "Firefox", at, LoginMethod.PASSWORD);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
    }

    private static void assertDay(
            JsonNode day, long registrations, long logins, long failedLogins, long lockouts, long activeUsers) {
        assertThat(day.get("registrations").asLong()).as("registrations").isEqualTo(registrations);
        assertThat(day.get("logins").asLong()).as("logins").isEqualTo(logins);
        assertThat(day.get("failed_logins").asLong()).as("failed_logins").isEqualTo(failedLogins);
        assertThat(day.get("lockouts").asLong()).as("lockouts").isEqualTo(lockouts);
        assertThat(day.get("active_users").asLong()).as("active_users").isEqualTo(activeUsers);
    }

    private static List<String> types(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("type").asText())
                .toList();
    }
}
