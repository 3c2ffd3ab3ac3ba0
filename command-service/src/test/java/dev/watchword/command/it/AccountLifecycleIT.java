package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.secret.SealedSecret;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The account flows through command-service's HTTP API, against real PostgreSQL and Kafka. The secrets that only
 * email would carry are read the way notification-service reads them: sealed in the published events.
 * Same configuration as {@link CommandServiceIT}, so Spring reuses its context.
 */
class AccountLifecycleIT extends ApiITSupport {

    /** The secret of the user's latest event of that type, opened as notification-service would. */
    private String sealedSecret(String userId, String type, String field) {
        List<EventEnvelope> events = topic.awaitEvent(userId, type, KAFKA);
        EventEnvelope last = events.stream()
                .filter(e -> e.type().equals(type))
                .reduce((a, b) -> b)
                .orElseThrow();
        return SealedSecret.withKey(SEALING_KEY).open(last.payload().get(field).asText(), userId);
    }

    @Test
    void passwordResetWhenConfirmedThenNewPasswordWorksAndEverySessionEnds() {
        String email = newEmail();
        String userId = register(email);
        String refresh = login(email, PASSWORD).get("refresh").asText();

        Http.Response known = http.post("/api/auth/password/reset/", Map.of("email", email));
        Http.Response unknown = http.post("/api/auth/password/reset/", Map.of("email", newEmail()));
        String token = sealedSecret(userId, "PasswordResetRequested", "encryptedToken");
        Http.Response weak =
                http.post("/api/auth/password/reset/confirm/", Map.of("token", token, "password", "password1"));
        Http.Response reset = http.post(
                "/api/auth/password/reset/confirm/", Map.of("token", token, "password", "quiet harbor violet 77"));
        Http.Response again = http.post(
                "/api/auth/password/reset/confirm/", Map.of("token", token, "password", "another quiet harbor 78"));

        assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(202);
        assertThat(known.body()).isEqualTo(unknown.body());
        assertThat(weak.status()).isEqualTo(400);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(again.json().get("code").asText()).isEqualTo("INVALID_RESET_TOKEN");
        assertThat(http.post("/api/auth/token/refresh/", Map.of("refresh", refresh))
                        .status())
                .isEqualTo(401);
        assertThat(http.post("/api/auth/login/", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        assertThat(login(email, "quiet harbor violet 77").get("access").asText())
                .isNotBlank();
    }

    @Test
    void passwordChangeWhenCurrentPasswordGivenThenChangedAndOtherSessionEnded() {
        String email = newEmail();
        register(email);
        JsonNode here = login(email, PASSWORD);
        JsonNode elsewhere = login(email, PASSWORD);

        Http.Response wrong = http.postWithBearer(
                "/api/auth/password/change/",
                here.get("access").asText(),
                Map.of("current_password", "guess guess", "new_password", "quiet harbor violet 77"));
        Http.Response anonymous = http.post(
                "/api/auth/password/change/",
                Map.of("current_password", PASSWORD, "new_password", "quiet harbor violet 77"));
        Http.Response changed = http.postWithBearer(
                "/api/auth/password/change/",
                here.get("access").asText(),
                Map.of(
                        "current_password",
                        PASSWORD,
                        "new_password",
                        "quiet harbor violet 77",
                        "end_other_sessions",
                        true));

        assertThat(wrong.json().get("code").asText()).isEqualTo("CURRENT_PASSWORD_WRONG");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", elsewhere.get("refresh").asText()))
                        .status())
                .isEqualTo(401);
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", here.get("refresh").asText()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void emailChangeWhenConfirmedByNewAddressThenLoginWithIt() {
        String email = newEmail();
        String newEmail = newEmail();
        String userId = register(email);
        String access = login(email, PASSWORD).get("access").asText();

        Http.Response requested = http.postWithBearer(
                "/api/auth/email/change/", access, Map.of("password", PASSWORD, "new_email", newEmail));
        assertThat(requested.status()).isEqualTo(202);
        assertThat(http.post("/api/auth/login/", Map.of("email", newEmail, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
        String token = sealedSecret(userId, "EmailChangeRequested", "encryptedToken");
        Http.Response confirmed = http.post("/api/auth/email/change/confirm/", Map.of("token", token));

        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(login(newEmail, PASSWORD).get("access").asText()).isNotBlank();
        assertThat(http.post("/api/auth/login/", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void magicLinkWhenExchangedByPostThenTokensOnceOnly() {
        String email = newEmail();
        String userId = register(email);

        assertThat(http.post("/api/auth/magic-link/", Map.of("email", email)).status())
                .isEqualTo(202);
        String token = sealedSecret(userId, "MagicLinkRequested", "encryptedToken");
        Http.Response first = http.post("/api/auth/magic-link/login/", Map.of("token", token));
        Http.Response second = http.post("/api/auth/magic-link/login/", Map.of("token", token));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("access").asText()).isNotBlank();
        assertThat(second.status()).isEqualTo(401);
        assertThat(second.json().get("code").asText()).isEqualTo("INVALID_LOGIN_LINK");
    }

    @Test
    void emailOtpWhenCodeRightWithItsRequestThenTokensAndUnknownAddressLooksTheSame() {
        String email = newEmail();
        String userId = register(email);

        Http.Response requested = http.post("/api/auth/otp/", Map.of("email", email));
        Http.Response decoy = http.post("/api/auth/otp/", Map.of("email", newEmail()));
        String requestId = requested.json().get("request_id").asText();
        String code = sealedSecret(userId, "EmailOtpRequested", "encryptedCode");
        String wrong = code.equals("000000") ? "111111" : "000000";
        Http.Response miss = http.post("/api/auth/otp/verify/", Map.of("request_id", requestId, "code", wrong));
        Http.Response foreign = http.post(
                "/api/auth/otp/verify/",
                Map.of("request_id", decoy.json().get("request_id").asText(), "code", code));
        Http.Response hit = http.post("/api/auth/otp/verify/", Map.of("request_id", requestId, "code", code));

        assertThat(decoy.status()).isEqualTo(requested.status()).isEqualTo(202);
        assertThat(decoy.json().get("request_id").asText()).hasSameSizeAs(requestId);
        assertThat(code).matches("[0-9]{6}");
        assertThat(miss.json().get("code").asText()).isEqualTo("INVALID_CODE");
        assertThat(foreign.status()).isEqualTo(401);
        assertThat(hit.status()).isEqualTo(200);
    }

    @Test
    void refreshWhenTwoTabsRaceThenBothGetTheSameSuccessorAndReplayAfterGraceRevokesSession() throws Exception {
        String email = newEmail();
        register(email);
        String refresh = login(email, PASSWORD).get("refresh").asText();

        CompletableFuture<Http.Response> tab1 =
                CompletableFuture.supplyAsync(() -> http.post("/api/auth/token/refresh/", Map.of("refresh", refresh)));
        CompletableFuture<Http.Response> tab2 =
                CompletableFuture.supplyAsync(() -> http.post("/api/auth/token/refresh/", Map.of("refresh", refresh)));
        Http.Response one = tab1.get();
        Http.Response two = tab2.get();

        assertThat(one.status()).isEqualTo(200);
        assertThat(two.status()).isEqualTo(200);
        String successor = one.json().get("refresh").asText();
        assertThat(two.json().get("refresh").asText()).isEqualTo(successor);

        // after the grace window (5 s by default), the old token is a replay: the whole session ends
        clock.advance(Duration.ofSeconds(6));
        Http.Response replay = http.post("/api/auth/token/refresh/", Map.of("refresh", refresh));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(http.post("/api/auth/token/refresh/", Map.of("refresh", successor))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void sessionsWhenOneRevokedByIdOrAllLoggedOutThenTheirRefreshTokensDie() {
        String email = newEmail();
        register(email);
        JsonNode a = login(email, PASSWORD);
        JsonNode b = login(email, PASSWORD);
        String sidB = sessionIdOf(b.get("access").asText());

        Http.Response revoked = http.deleteWithBearer(
                "/api/auth/sessions/" + sidB + "/", a.get("access").asText());
        Http.Response unknown = http.deleteWithBearer(
                "/api/auth/sessions/" + UUID.randomUUID(), a.get("access").asText());
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(unknown.json().get("code").asText()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", b.get("refresh").asText()))
                        .status())
                .isEqualTo(401);

        Http.Response everywhere = http.postWithBearer(
                "/api/auth/logout/everywhere/", a.get("access").asText(), Map.of());
        assertThat(everywhere.status()).isEqualTo(204);
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", a.get("refresh").asText()))
                        .status())
                .isEqualTo(401);
        assertThat(http.postWithBearer(
                                "/api/auth/logout/everywhere/", a.get("access").asText(), Map.of())
                        .status())
                .isEqualTo(401);
    }

    @Test
    void revocationWhenClientAuthenticatedThenRefreshOrAccessTokenEndsItsSession() {
        String email = newEmail();
        register(email);
        JsonNode byRefresh = login(email, PASSWORD);
        JsonNode byAccess = login(email, PASSWORD);
        String client = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString(
                                "backend:backend-secret-for-tests".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Http.Response anonymous = http.postForm(
                "/api/auth/token/revoke/", "token=" + byRefresh.get("refresh").asText(), null);
        Http.Response refresh = http.postForm(
                "/api/auth/token/revoke/", "token=" + byRefresh.get("refresh").asText(), client);
        Http.Response access = http.postForm(
                "/api/auth/token/revoke", "token=" + byAccess.get("access").asText(), client);
        Http.Response garbage = http.postForm("/api/auth/token/revoke/", "token=garbage", client);

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("code").asText()).isEqualTo("INVALID_CLIENT");
        assertThat(refresh.status()).isEqualTo(200);
        assertThat(access.status()).isEqualTo(200);
        assertThat(garbage.status()).isEqualTo(200);
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", byRefresh.get("refresh").asText()))
                        .status())
                .isEqualTo(401);
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", byAccess.get("refresh").asText()))
                        .status())
                .isEqualTo(401);
    }

    private static String sessionIdOf(String jwt) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(payload)
                    .get("sid")
                    .asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
