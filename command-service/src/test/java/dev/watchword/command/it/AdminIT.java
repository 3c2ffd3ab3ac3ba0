package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The admin API's writes through HTTP: permissions enforced by the filter chain and method security, the
 * actor checked against its current authorization, every change recorded with the actor.
 */
class AdminIT extends ApiITSupport {

    /** The bootstrap admin: registered and verified (once per schema), promoted by the admin-bootstrap processor. */
    private JsonNode rootAdmin() {
        registerVerifiedRootAdmin();
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> login(ROOT_ADMIN, PASSWORD),
                        tokens -> claims(tokens.get("access").asText())
                                .get("permissions")
                                .toString()
                                .contains("users:write"));
    }

    private static JsonNode claims(String jwt) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void disableWhenAdminThenUserCannotLoginOrRefreshUntilEnabled() {
        String admin = rootAdmin().get("access").asText();
        String email = newEmail();
        String userId = register(email);
        String refresh = login(email, PASSWORD).get("refresh").asText();

        Http.Response disabled = http.postWithBearer("/api/admin/users/" + userId + "/disable/", admin, Map.of());

        assertThat(disabled.status()).isEqualTo(204);
        assertThat(http.post("/api/auth/login/", Map.of("email", email, "password", PASSWORD))
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("INVALID_CREDENTIALS");
        assertThat(http.post("/api/auth/token/refresh/", Map.of("refresh", refresh))
                        .status())
                .isEqualTo(401);

        assertThat(http.postWithBearer("/api/admin/users/" + userId + "/enable/", admin, Map.of())
                        .status())
                .isEqualTo(204);
        assertThat(login(email, PASSWORD).get("access").asText()).isNotBlank();
    }

    @Test
    void adminActionsWhenCallerLacksPermissionOrTokenThenRefusedAndNothingRecorded() {
        String email = newEmail();
        String userId = register(email);
        String plainUser = login(email, PASSWORD).get("access").asText();

        Http.Response forbidden = http.postWithBearer("/api/admin/users/" + userId + "/disable/", plainUser, Map.of());
        Http.Response anonymous = http.post("/api/admin/users/" + userId + "/disable/", Map.of());
        Http.Response selfPromotion =
                http.postWithBearer("/api/admin/users/" + userId + "/roles/", plainUser, Map.of("role", "admin"));

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(selfPromotion.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                                + "AND (payloadtype LIKE '%.UserDisabled' OR payloadtype LIKE '%.RoleAssigned')")
                        .param(userId)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void roleRevokedWhenDemotedAdminUsesOlderTokenThenRefusedAtOnce() {
        String root = rootAdmin().get("access").asText();
        String email = newEmail();
        String userId = register(email);
        assertThat(http.postWithBearer("/api/admin/users/" + userId + "/roles/", root, Map.of("role", "admin"))
                        .status())
                .isEqualTo(204);
        String promoted = login(email, PASSWORD).get("access").asText();
        String victim = register(newEmail());
        assertThat(http.postWithBearer("/api/admin/users/" + victim + "/logout/", promoted, Map.of())
                        .status())
                .isEqualTo(204);

        assertThat(http.deleteWithBearer("/api/admin/users/" + userId + "/roles/admin/", root)
                        .status())
                .isEqualTo(204);
        Http.Response afterDemotion =
                http.postWithBearer("/api/admin/users/" + victim + "/disable/", promoted, Map.of());

        assertThat(afterDemotion.status()).isEqualTo(401);
        assertThat(afterDemotion.json().get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void endSessionWhenAdminThenThatSessionEndsAndTheOtherGoesOn() {
        String admin = rootAdmin().get("access").asText();
        String email = newEmail();
        String userId = register(email);
        JsonNode phone = login(email, PASSWORD);
        JsonNode laptop = login(email, PASSWORD);
        String phoneSession = claims(phone.get("access").asText()).get("sid").asText();

        Http.Response ended =
                http.deleteWithBearer("/api/admin/users/" + userId + "/sessions/" + phoneSession + "/", admin);

        assertThat(ended.status()).as(ended.body()).isEqualTo(204);
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", phone.get("refresh").asText()))
                        .status())
                .isEqualTo(401);
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", laptop.get("refresh").asText()))
                        .status())
                .isEqualTo(200);
        assertThat(topic.awaitEvent(userId, "SessionRevoked", KAFKA).stream()
                        .filter(event -> event.type().equals("SessionRevoked"))
                        .toList())
                .singleElement()
                .satisfies(revoked -> {
                    assertThat(revoked.payload().get("sessionId").asText()).isEqualTo(phoneSession);
                    assertThat(revoked.payload().get("reason").asText()).isEqualTo("REVOKED_BY_ADMIN");
                });
    }

    @Test
    void endSessionWhenUnknownOrAlreadyEndedThenSessionNotFound() {
        String admin = rootAdmin().get("access").asText();
        String email = newEmail();
        String userId = register(email);
        String session =
                claims(login(email, PASSWORD).get("access").asText()).get("sid").asText();
        assertThat(http.deleteWithBearer("/api/admin/users/" + userId + "/sessions/" + session, admin)
                        .status())
                .isEqualTo(204);

        List<Http.Response> answers = List.of(
                http.deleteWithBearer(
                        "/api/admin/users/" + userId + "/sessions/" + java.util.UUID.randomUUID() + "/", admin),
                http.deleteWithBearer("/api/admin/users/" + userId + "/sessions/" + session + "/", admin));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("code").asText()).isEqualTo("SESSION_NOT_FOUND");
        });
        assertThat(eventsOf(userId, "SessionRevoked")).isEqualTo(1);
    }

    @Test
    void endSessionWhenCallerLacksUsersWriteThenForbiddenAndNothingRecorded() {
        String email = newEmail();
        String userId = register(email);
        JsonNode own = login(email, PASSWORD);
        String session = claims(own.get("access").asText()).get("sid").asText();

        Http.Response forbidden = http.deleteWithBearer(
                "/api/admin/users/" + userId + "/sessions/" + session + "/",
                own.get("access").asText());
        Http.Response anonymous =
                http.send("DELETE", "/api/admin/users/" + userId + "/sessions/" + session + "/", Map.of(), null);

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(eventsOf(userId, "SessionRevoked")).isZero();
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", own.get("refresh").asText()))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void assignRoleWhenExpectedVersionStaleThenConflict() {
        String root = rootAdmin().get("access").asText();
        String userId = register(newEmail());
        assertThat(http.postWithBearer(
                                "/api/admin/users/" + userId + "/roles/",
                                root,
                                Map.of("role", "admin", "expected_version", 0))
                        .status())
                .isEqualTo(204);

        Http.Response second = http.postWithBearer(
                "/api/admin/users/" + userId + "/roles/", root, Map.of("role", "admin", "expected_version", 0));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("code").asText()).isEqualTo("ROLES_CHANGED");
    }

    @Test
    void triggerResetWhenAdminThenResetRequestedRecordsTheAdminAndUnknownUserIs404() {
        JsonNode root = rootAdmin();
        String adminId = claims(root.get("access").asText()).get("sub").asText();
        String userId = register(newEmail());

        Http.Response triggered = http.postWithBearer(
                "/api/admin/users/" + userId + "/password-reset/",
                root.get("access").asText(),
                Map.of());
        Http.Response unknown = http.postWithBearer(
                "/api/admin/users/" + java.util.UUID.randomUUID() + "/logout/",
                root.get("access").asText(),
                Map.of());

        assertThat(triggered.status()).isEqualTo(202);
        assertThat(topic.awaitEvent(userId, "PasswordResetRequested", KAFKA)
                        .getLast()
                        .payload()
                        .get("requestedBy")
                        .asText())
                .isEqualTo(adminId);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void userPathsWhenIdNamesAnAppThenUserNotFoundOnEveryOne() {
        String root = rootAdminToken();
        String appId = newApp("Not a user").appId();
        long before = eventsOf(appId);

        List<Http.Response> answers = List.of(
                http.postWithBearer("/api/admin/users/" + appId + "/disable/", root, Map.of()),
                http.postWithBearer("/api/admin/users/" + appId + "/enable/", root, Map.of()),
                http.postWithBearer("/api/admin/users/" + appId + "/logout/", root, Map.of()),
                http.deleteWithBearer("/api/admin/users/" + appId + "/sessions/" + appId + "/", root),
                http.postWithBearer("/api/admin/users/" + appId + "/password-reset/", root, Map.of()),
                http.postWithBearer("/api/admin/users/" + appId + "/roles/", root, Map.of("role", "user")),
                http.deleteWithBearer("/api/admin/users/" + appId + "/roles/user/", root),
                http.deleteWithBearer("/api/admin/users/" + appId + "/", root));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().get("code").asText()).isEqualTo("USER_NOT_FOUND");
        });
        assertThat(eventsOf(appId)).isEqualTo(before);
    }

    @Test
    void apiDocsWhenRequestedThenOpenApiDescribesTheAdminApi() {
        Http.Response docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("openapi").asText()).startsWith("3.");
        assertThat(docs.json().get("paths").has("/api/admin/users/{userId}/roles/"))
                .isTrue();
        assertThat(docs.json().get("paths").has("/api/auth/login/")).isTrue();
    }
}
