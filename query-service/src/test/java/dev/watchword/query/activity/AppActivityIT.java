package dev.watchword.query.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Activity figures per app: each app's counters equal the events of its users, whoever else is active
 * on the same day. The day is random and far in the future, so nothing else lands on it.
 */
class AppActivityIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);

    private final LocalDate day = LocalDate.of(
            ThreadLocalRandom.current().nextInt(2200, 9000),
            ThreadLocalRandom.current().nextInt(1, 13),
            ThreadLocalRandom.current().nextInt(1, 28));

    @Test
    void dailyAndMonthlyWhenTwoAppsActiveOnOneDayThenEachAppCountsItsOwnUsersOnly() {
        // given: app X with 2 registrations, 3 logins by 2 users, 2 failed logins (one for an unverified
        // address), 1 lockout; app Y with 1 registration and 1 login
        String appX = registerApp();
        String appY = registerApp();
        String xAlice = randomId();
        String xBob = randomId();
        String yCarol = randomId();
        publish(new UserRegistered(xAlice, randomEmail(), "hash", at(1), appX));
        publish(new UserRegistered(xBob, randomEmail(), "hash", at(2), appX));
        publish(new UserRegistered(yCarol, randomEmail(), "hash", at(3), appY));
        publish(login(xAlice, at(4)));
        publish(login(xAlice, at(5)));
        publish(login(xBob, at(6)));
        publish(login(yCarol, at(7)));
        publish(new LoginFailed(xBob, LoginFailureReason.WRONG_PASSWORD, "192.0.2.9", "curl", at(8)));
        publish(new LoginFailed(xBob, LoginFailureReason.EMAIL_NOT_VERIFIED, "192.0.2.9", "curl", at(9)));
        publish(new LoginLocked(xBob, "b@example.com", "192.0.2.9", 5, at(10), at(11)));
        String sentinel = randomId();
        publish(new UserRegistered(sentinel, randomEmail(), "hash", Instant.parse("2000-01-01T00:00:00Z")));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> jdbc.sql("select count(*) from admin_user_row where user_id = :u")
                                .param("u", sentinel)
                                .query(Long.class)
                                .single()
                        == 1);

        // when: each app's admin, without naming an app; the operator for one app and for all
        JsonNode x = daily("", appAdminToken(appX));
        JsonNode y = daily("", appAdminToken(appY));
        JsonNode yByOperator = daily("&app=" + appY, platformOperatorToken());
        JsonNode both = daily("", platformOperatorToken());

        // then
        assertFigures(x, 2, 3, 2, 1, 2);
        assertFigures(y, 1, 1, 0, 0, 1);
        assertFigures(yByOperator, 1, 1, 0, 0, 1);
        assertFigures(both, 3, 4, 2, 1, 3);
        assertThat(monthly(appAdminToken(appX))).isEqualTo(2);
        assertThat(monthly(appAdminToken(appY))).isEqualTo(1);
        assertThat(monthly(platformOperatorToken())).isEqualTo(3);
        // an app's admin asking for another app's figures gets zeros, as for an app that does not exist
        assertFigures(daily("&app=" + appY, appAdminToken(appX)), 0, 0, 0, 0, 0);
        assertFigures(daily("&app=" + randomId(), appAdminToken(appX)), 0, 0, 0, 0, 0);
    }

    private String registerApp() {
        String appId = randomId();
        publish(new ClientAppRegistered(appId, "App", "client-" + appId, "operator-1", Instant.now()));
        return appId;
    }

    private JsonNode daily(String query, String token) {
        var response = get("/api/admin/activity/daily/?from=" + day + "&to=" + day + query, token);
        assertThat(response.statusCode()).isEqualTo(200);
        return body(response).get("items").get(0);
    }

    private long monthly(String token) {
        var response = get("/api/admin/activity/monthly/?month=" + YearMonth.from(day), token);
        assertThat(response.statusCode()).isEqualTo(200);
        return body(response).get("active_users").asLong();
    }

    private static void assertFigures(
            JsonNode figures, long registrations, long logins, long failedLogins, long lockouts, long activeUsers) {
        assertThat(List.of(
                        figures.get("registrations").asLong(),
                        figures.get("logins").asLong(),
                        figures.get("failed_logins").asLong(),
                        figures.get("lockouts").asLong(),
                        figures.get("active_users").asLong()))
                .containsExactly(registrations, logins, failedLogins, lockouts, activeUsers);
    }

    private static LoginSucceeded login(String userId, Instant at) {
        return new LoginSucceeded(userId, randomId(), "192.0.2.1", "Firefox", at, LoginMethod.PASSWORD);
    }

    private Instant at(int minute) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60L * minute);
    }
}
