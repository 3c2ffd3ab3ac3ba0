package dev.watchword.query.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UserSessionProjectionIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);

    @Autowired
    private UserSessions sessions;

    @Test
    void sessionsWhenLiveRevokedExpiredAndOtherUsersSessionsThenOnlyCallersLiveOnesNewestFirst() {
        // given
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String userId = randomId();
        String otherUserId = randomId();
        String older = randomId();
        String current = randomId();
        String revoked = randomId();
        String expired = randomId();
        String idle = randomId();
        String othersSession = randomId();
        Instant rotatedAt = now.minusSeconds(60);
        publish(started(userId, older, "Firefox", "192.0.2.1", now.minusSeconds(3600), now.plus(Duration.ofDays(30))));
        publish(new RefreshTokenRotated(
                userId, older, "old-hash", "new-hash", rotatedAt, now.plus(Duration.ofDays(30))));
        // command-service applies LoginSucceeded before SessionStarted
        publish(new LoginSucceeded(
                userId, current, "192.0.2.2", "Safari", now.minusSeconds(10), LoginMethod.MAGIC_LINK));
        publish(started(userId, current, "Safari", "192.0.2.2", now.minusSeconds(10), now.plus(Duration.ofDays(30))));
        publish(started(userId, revoked, "Edge", "192.0.2.3", now.minusSeconds(5), now.plus(Duration.ofDays(30))));
        publish(new SessionRevoked(
                userId, revoked, SessionRevocationReason.REVOKED_BY_USER, now, now.plusSeconds(300)));
        publish(started(userId, expired, "Opera", "192.0.2.4", now.minus(Duration.ofDays(31)), now.minusSeconds(1)));
        // within its lifetime but unused for longer than the 12 h idle timeout: it can no longer refresh
        publish(started(
                userId, idle, "Lynx", "192.0.2.5", now.minus(Duration.ofHours(13)), now.plus(Duration.ofDays(30))));
        publish(started(otherUserId, othersSession, "curl", "198.51.100.1", now, now.plus(Duration.ofDays(30))));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> sessions.getUserSessionById(othersSession).isPresent()
                        && sessions.getUserSessionById(revoked)
                                .map(UserSession::revokedAt)
                                .isPresent());

        for (String path : List.of("/api/auth/sessions", "/api/auth/sessions/")) {
            // when
            HttpResponse<String> response = get(path, accessToken(userId, current));

            // then
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            JsonNode body = body(response);
            assertThat(body).extracting(session -> session.get("id").asText()).containsExactly(current, older);
            JsonNode first = body.get(0);
            assertThat(first.fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder(
                            "id", "device", "ip_address", "created_at", "last_used_at", "expires_at", "current");
            assertThat(first.get("device").asText()).isEqualTo("Safari");
            assertThat(first.get("ip_address").asText()).isEqualTo("192.0.2.2");
            assertThat(Instant.parse(first.get("created_at").asText())).isEqualTo(now.minusSeconds(10));
            assertThat(Instant.parse(first.get("last_used_at").asText())).isEqualTo(now.minusSeconds(10));
            assertThat(Instant.parse(first.get("expires_at").asText())).isEqualTo(now.plus(Duration.ofDays(30)));
            assertThat(first.get("current").asBoolean()).isTrue();
            JsonNode second = body.get(1);
            assertThat(second.get("current").asBoolean()).isFalse();
            assertThat(Instant.parse(second.get("last_used_at").asText())).isEqualTo(rotatedAt);
        }
        assertThat(sessions.getUserSessionById(current))
                .get()
                .extracting(UserSession::loginMethod)
                .isEqualTo(LoginMethod.MAGIC_LINK);
        assertThat(sessions.isProjected(current)).isTrue();
        assertThat(sessions.isProjected(randomId())).isFalse();
    }

    @Test
    void sessionsWhenOtherUsersTokenThenNoneOfThisUsersSessions() {
        // given
        String userId = randomId();
        String session = randomId();
        publish(started(
                userId,
                session,
                "Firefox",
                "192.0.2.1",
                Instant.now(),
                Instant.now().plusSeconds(3600)));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> sessions.getUserSessionById(session).isPresent());

        // when: another user's token that even carries this session's id
        HttpResponse<String> response = get("/api/auth/sessions", accessToken(randomId(), session));

        // then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response)).isEmpty();
    }

    @Test
    void sessionsWhenNoTokenThen401InvalidTokenProblem() {
        // when
        HttpResponse<String> response = get("/api/auth/sessions/", null);

        // then
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void sessionsWhenTokensSessionRevokedThen401() {
        // given
        String userId = randomId();
        String session = randomId();
        Instant now = Instant.now();
        publish(started(userId, session, "Firefox", "192.0.2.1", now, now.plusSeconds(3600)));
        publish(new SessionRevoked(userId, session, SessionRevocationReason.LOGOUT, now, now.plusSeconds(300)));

        // then
        await().atMost(PROJECTED_WITHIN)
                .until(
                        () -> get("/api/auth/sessions", accessToken(userId, session))
                                .statusCode(),
                        status -> status == 401);
    }

    private static SessionStarted started(
            String userId, String sessionId, String userAgent, String ipAddress, Instant startedAt, Instant expiresAt) {
        return new SessionStarted(
                userId, sessionId, "refresh-hash-" + sessionId, ipAddress, userAgent, startedAt, expiresAt);
    }
}
