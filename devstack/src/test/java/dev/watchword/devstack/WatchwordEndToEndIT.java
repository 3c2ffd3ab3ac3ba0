package dev.watchword.devstack;

import static dev.watchword.devstack.EndToEndStack.json;
import static dev.watchword.devstack.EndToEndStack.problemCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four services started together by the dev stack (against the machine's PostgreSQL, with the dev stack's
 * embedded Kafka and GreenMail) and driven through the gateway the way a client app would: docs/contract.md,
 * "Public HTTP API".
 */
class WatchwordEndToEndIT {

    private static final String PASSWORD = "lantern orbit pickle saga 42";

    /** The read model and the revocation list are fed by Kafka: eventually consistent, quickly. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    /**
     * The refresh grace window is 5 s by default (WATCHWORD_SESSIONS_REFRESH_GRACE); a replay is polled until it is
     * over, with room for a slow machine.
     */
    private static final Duration GRACE_OVER = Duration.ofSeconds(15);

    private static EndToEndStack stack;

    @BeforeAll
    static void startStack() throws SQLException {
        stack = EndToEndStack.start("watchword_e2e_");
    }

    @AfterAll
    static void stopStack() throws SQLException {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void clientJourneyWhenDrivenThroughGatewayThenEveryStepAnswersAsTheContractSays() throws Exception {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";

        // given a registration
        HttpResponse<String> registered = stack.post("/api/auth/register/", json("email", email, "password", PASSWORD));
        assertThat(registered.statusCode()).isEqualTo(202);
        assertThat(registered.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // when the verification email arrives and its token is posted back
        String token = await("verification email to " + email)
                .atMost(EVENTUALLY)
                .until(() -> stack.verificationToken(email), Optional::isPresent)
                .orElseThrow();
        assertThat(stack.inboxOverHttp(email)).contains("verify-email");
        // the first proof of the mailbox drops a password chosen before it (pre-account takeover): set it again
        HttpResponse<String> verified =
                stack.post("/api/auth/verify-email/", json("token", token, "password", PASSWORD));
        assertThat(verified.statusCode()).isEqualTo(200);

        // then login works and the profile says the address is verified
        HttpResponse<String> login = stack.post("/api/auth/login/", json("email", email, "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(login.body(), "$.token_type")).isEqualTo("Bearer");
        String access = JsonPath.read(login.body(), "$.access");
        String refresh = JsonPath.read(login.body(), "$.refresh");

        await("profile with verified email").atMost(EVENTUALLY).untilAsserted(() -> {
            HttpResponse<String> me = stack.get("/api/users/me/", access);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo(email);
            assertThat((Boolean) JsonPath.read(me.body(), "$.email_verified")).isTrue();
        });

        // when the refresh token is rotated
        HttpResponse<String> refreshed = stack.post("/api/auth/token/refresh/", json("refresh", refresh));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        String rotatedAccess = JsonPath.read(refreshed.body(), "$.access");
        String rotatedRefresh = JsonPath.read(refreshed.body(), "$.refresh");
        assertThat(rotatedRefresh).isNotEqualTo(refresh);

        // then a replay within the grace window (two tabs racing) gets the same successor
        HttpResponse<String> raced = stack.post("/api/auth/token/refresh/", json("refresh", refresh));
        assertThat(raced.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(raced.body(), "$.refresh")).isEqualTo(rotatedRefresh);

        // and a replay after the grace window is taken for theft (RFC 9700 4.14.2): refused, and the session ends
        HttpResponse<String> replayed = await("replay refused once the grace window is over")
                .atMost(GRACE_OVER)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> stack.post("/api/auth/token/refresh/", json("refresh", refresh)),
                        response -> response.statusCode() != 200);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(problemCode(replayed)).isEqualTo("INVALID_REFRESH_TOKEN");

        HttpResponse<String> successorRefused = stack.post("/api/auth/token/refresh/", json("refresh", rotatedRefresh));
        assertThat(successorRefused.statusCode()).isEqualTo(401);
        assertThat(problemCode(successorRefused)).isEqualTo("INVALID_REFRESH_TOKEN");
        await("access token of the stolen session revoked at /me")
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(
                                stack.get("/api/users/me/", rotatedAccess).statusCode())
                        .isEqualTo(401));
        assertThat(stack.get("/api/users/me/", access).statusCode()).isEqualTo(401);

        // when the owner logs in again and then logs out
        HttpResponse<String> again = stack.post("/api/auth/login/", json("email", email, "password", PASSWORD));
        assertThat(again.statusCode()).isEqualTo(200);
        String secondAccess = JsonPath.read(again.body(), "$.access");
        String secondRefresh = JsonPath.read(again.body(), "$.refresh");
        await("new session accepted at /me")
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(
                                stack.get("/api/users/me/", secondAccess).statusCode())
                        .isEqualTo(200));

        HttpResponse<String> loggedOut = stack.post("/api/auth/logout/", json("refresh", secondRefresh));
        assertThat(loggedOut.statusCode()).isEqualTo(204);

        // then neither its refresh token nor its access token works any more
        HttpResponse<String> afterLogout = stack.post("/api/auth/token/refresh/", json("refresh", secondRefresh));
        assertThat(afterLogout.statusCode()).isEqualTo(401);
        assertThat(problemCode(afterLogout)).isEqualTo("INVALID_REFRESH_TOKEN");
        await("access token revoked at /me")
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertThat(
                                stack.get("/api/users/me/", secondAccess).statusCode())
                        .isEqualTo(401));
    }
}
