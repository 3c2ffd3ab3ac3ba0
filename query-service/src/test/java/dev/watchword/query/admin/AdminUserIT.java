package dev.watchword.query.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import dev.watchword.query.appscope.AdminScope;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin's list and detail of accounts, fed through the topic. */
class AdminUserIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);
    private static final Instant BASE = Instant.parse("2031-03-01T08:00:00Z");

    @Autowired
    private AdminUserRows rows;

    private String admin;

    @BeforeEach
    void adminToken() {
        admin = adminToken(randomId(), 0);
    }

    @Test
    void usersWhenFilteredAndPagedThenExactlyTheMatchingRowsNewestFirst() {
        // given: five accounts sharing a marker in their address; created BASE+0..4 days
        String marker = "m" + UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = randomId();
            ids.add(id);
            publish(new UserRegistered(
                    id, "it-" + marker + "-" + i + "@example.com", "hash", BASE.plus(i, ChronoUnit.DAYS)));
        }
        publish(new RoleAssigned(ids.get(1), "admin", "system:bootstrap", BASE.plus(10, ChronoUnit.DAYS)));
        publish(new UserDisabled(ids.get(2), randomId(), BASE.plus(10, ChronoUnit.DAYS)));
        publish(new UserDisabled(ids.get(3), randomId(), BASE.plus(10, ChronoUnit.DAYS)));
        publish(new LoginSucceeded(
                ids.get(0), randomId(), "192.0.2.1", "Firefox", BASE.plus(20, ChronoUnit.DAYS), LoginMethod.PASSWORD));
        publish(new LoginSucceeded(
                ids.get(4), randomId(), "192.0.2.1", "Firefox", BASE.plus(30, ChronoUnit.DAYS), LoginMethod.PASSWORD));
        publish(new EmailVerified(ids.get(4), "it-" + marker + "-4@example.com", BASE.plus(31, ChronoUnit.DAYS)));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> rows.getAdminUserRowById(AdminScope.platformWide(), ids.get(4))
                        .map(AdminUserRow::emailVerified)
                        .orElse(false));

        // then: paging, newest first
        JsonNode first = list("?q=" + marker + "&size=2");
        assertThat(ids(first)).containsExactly(ids.get(4), ids.get(3));
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(ids(list("?q=" + marker + "&size=2&page=2"))).containsExactly(ids.get(2), ids.get(1));
        assertThat(ids(list("?q=" + marker + "&size=2&page=3"))).containsExactly(ids.get(0));
        assertThat(ids(list("?q=" + marker + "&size=2&page=4"))).isEmpty();
        assertThat(list("?q=" + marker + "&size=500").get("size").asInt()).isEqualTo(100);
        // then: each filter
        assertThat(ids(list("?q=" + marker.toUpperCase()))).hasSize(5);
        assertThat(ids(list("?q=" + marker + "-3@"))).containsExactly(ids.get(3));
        assertThat(ids(list("?q=" + marker + "&status=disabled"))).containsExactly(ids.get(3), ids.get(2));
        assertThat(ids(list("?q=" + marker + "&status=active"))).containsExactly(ids.get(4), ids.get(1), ids.get(0));
        assertThat(ids(list("?q=" + marker + "&role=admin"))).containsExactly(ids.get(1));
        assertThat(ids(list("?q=" + marker + "&role=user"))).hasSize(5);
        assertThat(ids(list("?q=" + marker + "&verified=true"))).containsExactly(ids.get(4));
        assertThat(ids(list("?q=" + marker + "&verified=false")))
                .containsExactly(ids.get(3), ids.get(2), ids.get(1), ids.get(0));
        assertThat(ids(list("?q=" + marker + "&verified=false&status=active"))).containsExactly(ids.get(1), ids.get(0));
        assertThat(ids(list("?q=" + marker + "&created_from=" + BASE.plus(1, ChronoUnit.DAYS) + "&created_to="
                        + BASE.plus(3, ChronoUnit.DAYS))))
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(ids(list("?q=" + marker + "&last_login_from=" + BASE.plus(25, ChronoUnit.DAYS))))
                .containsExactly(ids.get(4));
        assertThat(ids(list("?q=" + marker + "&last_login_to=" + BASE.plus(25, ChronoUnit.DAYS))))
                .containsExactly(ids.get(0));
        assertThat(ids(list("?q=" + marker + "&status=disabled&created_from=" + BASE.plus(3, ChronoUnit.DAYS))))
                .containsExactly(ids.get(3));

        // then: the row's shape
        JsonNode item = list("?q=" + marker + "-1@").get("items").get(0);
        assertThat(item.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "id", "app_id", "email", "status", "email_verified", "roles", "created_at", "last_login_at");
        assertThat(item.get("app_id").asText()).isEqualTo("default");
        assertThat(item.get("status").asText()).isEqualTo("active");
        assertThat(item.get("roles")).extracting(JsonNode::asText).containsExactly("user", "admin");
        assertThat(Instant.parse(item.get("created_at").asText())).isEqualTo(BASE.plus(1, ChronoUnit.DAYS));
        assertThat(item.get("last_login_at").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "?status=sleeping",
                "?verified=yes",
                "?verified=",
                "?verified=TRUE",
                "?page=0",
                "?size=0",
                "?created_from=yesterday",
                "?created_from=2031-01-02T00:00:00Z&created_to=2031-01-01T00:00:00Z"
            })
    void usersWhenParameterMalformedThen400MalformedRequest(String query) {
        HttpResponse<String> response = get("/api/admin/users" + query, admin);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void userWhenKnownThenRowWithLiveSessionsAndRecentActivityLatestFirst() {
        // given
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String userId = randomId();
        String email = randomEmail();
        String live = randomId();
        String revoked = randomId();
        publish(new UserRegistered(userId, email, "hash", now.minus(1, ChronoUnit.DAYS)));
        publish(new LoginFailed(
                userId, LoginFailureReason.WRONG_PASSWORD, "198.51.100.9", "curl", now.minusSeconds(400)));
        publish(new LoginLocked(userId, email, "198.51.100.9", 5, now.minusSeconds(300), now.plusSeconds(60)));
        publish(new LoginSucceeded(
                userId, revoked, "192.0.2.1", "Firefox", now.minusSeconds(200), LoginMethod.PASSWORD));
        publish(new SessionStarted(
                userId, revoked, "h1", "192.0.2.1", "Firefox", now.minusSeconds(200), now.plus(1, ChronoUnit.DAYS)));
        publish(new LoginSucceeded(userId, live, "192.0.2.2", "Safari", now.minusSeconds(100), LoginMethod.EMAIL_OTP));
        publish(new SessionStarted(
                userId, live, "h2", "192.0.2.2", "Safari", now.minusSeconds(100), now.plus(1, ChronoUnit.DAYS)));
        publish(new SessionRevoked(
                userId, revoked, SessionRevocationReason.LOGOUT, now.minusSeconds(50), now.plusSeconds(250)));
        publish(new RefreshTokenReuseDetected(userId, revoked, "203.0.113.5", "evil", now.minusSeconds(10)));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> jdbc.sql("select count(*) from login_activity where user_id = :u")
                                        .param("u", userId)
                                        .query(Long.class)
                                        .single()
                                == 5
                        && jdbc.sql(
                                                "select count(*) from user_session where session_id = :s and revoked_at is not null")
                                        .param("s", revoked)
                                        .query(Long.class)
                                        .single()
                                == 1);

        for (String path : List.of("/api/admin/users/" + userId, "/api/admin/users/" + userId + "/")) {
            // when
            HttpResponse<String> response = get(path, admin);

            // then
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode body = body(response);
            assertThat(body.get("id").asText()).isEqualTo(userId);
            assertThat(body.get("email").asText()).isEqualTo(email);
            assertThat(Instant.parse(body.get("last_login_at").asText())).isEqualTo(now.minusSeconds(100));
            JsonNode sessions = body.get("sessions");
            assertThat(sessions)
                    .extracting(session -> session.get("id").asText())
                    .containsExactly(live);
            assertThat(sessions.get(0).get("device").asText()).isEqualTo("Safari");
            assertThat(sessions.get(0).get("ip_address").asText()).isEqualTo("192.0.2.2");
            assertThat(sessions.get(0).get("login_method").asText()).isEqualTo("EMAIL_OTP");
            JsonNode activity = body.get("recent_activity");
            assertThat(activity)
                    .extracting(entry -> entry.get("type").asText())
                    .containsExactly(
                            "refresh_token_reuse_detected",
                            "login_succeeded",
                            "login_succeeded",
                            "login_locked",
                            "login_failed");
            assertThat(activity.get(1).fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("occurred_at", "type", "ip_address", "user_agent", "method", "reason");
            assertThat(Instant.parse(activity.get(1).get("occurred_at").asText()))
                    .isEqualTo(now.minusSeconds(100));
            assertThat(activity.get(1).get("ip_address").asText()).isEqualTo("192.0.2.2");
            assertThat(activity.get(1).get("user_agent").asText()).isEqualTo("Safari");
            assertThat(activity.get(1).get("method").asText()).isEqualTo("EMAIL_OTP");
            assertThat(activity.get(4).get("reason").asText()).isEqualTo("WRONG_PASSWORD");
        }
    }

    @Test
    void userWhenManyLoginsThenRecentActivityHoldsTheLatestTwenty() {
        // given
        String userId = randomId();
        Instant start = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        publish(new UserRegistered(userId, randomEmail(), "hash", start));
        for (int i = 0; i < 25; i++) {
            publish(new LoginFailed(
                    userId, LoginFailureReason.WRONG_PASSWORD, "192.0.2." + i, "curl", start.plusSeconds(i)));
        }
        await().atMost(PROJECTED_WITHIN)
                .until(() -> jdbc.sql("select count(*) from login_activity where user_id = :u")
                                .param("u", userId)
                                .query(Long.class)
                                .single()
                        == 25);

        // when
        JsonNode activity = body(get("/api/admin/users/" + userId, admin)).get("recent_activity");

        // then
        assertThat(activity).hasSize(20);
        assertThat(activity.get(0).get("ip_address").asText()).isEqualTo("192.0.2.24");
        assertThat(activity.get(19).get("ip_address").asText()).isEqualTo("192.0.2.5");
    }

    @Test
    void userWhenUnknownThen404UserNotFound() {
        HttpResponse<String> response = get("/api/admin/users/" + randomId(), admin);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("code").asText()).isEqualTo("USER_NOT_FOUND");
    }

    private JsonNode list(String query) {
        HttpResponse<String> response = get("/api/admin/users/" + query, admin);
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        return body(response);
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .map(item -> item.get("id").asText())
                .toList();
    }
}
