package dev.watchword.query.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class SessionRevocationIT extends IntegrationTestSupport {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Autowired
    private RevokedSessionTable table;

    @Autowired
    private RevocationProperties properties;

    @Test
    void meWhenSessionRevokedThen401ForItsTokensAnd200ForOtherSessions() {
        // given
        String userId = randomId();
        String revokedSession = randomId();
        String otherSession = randomId();
        publish(new UserRegistered(userId, randomEmail(), "hash", Instant.now()));
        await().atMost(WITHIN)
                .until(
                        () -> get("/api/users/me", accessToken(userId, revokedSession))
                                .statusCode(),
                        status -> status == 200);

        // when
        Instant now = Instant.now();
        publish(new SessionRevoked(userId, revokedSession, SessionRevocationReason.LOGOUT, now, now.plusSeconds(300)));

        // then
        await().atMost(WITHIN)
                .until(
                        () -> get("/api/users/me", accessToken(userId, revokedSession))
                                .statusCode(),
                        status -> status == 401);
        HttpResponse<String> refused = get("/api/users/me/", accessToken(userId, revokedSession));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(body(refused).get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(get("/api/users/me/", accessToken(userId, otherSession)).statusCode())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from revoked_session where session_id = :sid")
                        .param("sid", revokedSession)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void revokedSessionsWhenServiceStartsThenLoadedFromTableWithoutExpiredEntries() {
        // given: what earlier runs of the service stored
        Instant now = Instant.now();
        String live = randomId();
        String expired = randomId();
        table.insert(new SessionRevoked(randomId(), live, SessionRevocationReason.LOGOUT, now, now.plusSeconds(300)));
        table.insert(new SessionRevoked(
                randomId(), expired, SessionRevocationReason.LOGOUT, now.minusSeconds(3600), now.minusSeconds(3000)));

        // when
        RevokedSessions loaded = new RevocationConfiguration().revokedSessions(table, Clock.systemUTC(), properties);

        // then
        assertThat(loaded.isRevoked(live)).isTrue();
        assertThat(loaded.isRevoked(expired)).isFalse();
    }
}
