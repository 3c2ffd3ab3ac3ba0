package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin writes of command-service across apps: a generated matrix of every write endpoint and every
 * kind of caller, with the target always in app A. An admin or key of app B gets exactly what an unknown id gets
 * (404), and nothing is recorded; app A's own admin and key, and the platform operator, get through where their
 * permissions reach. Then custom roles, self-escalation and API keys in detail.
 */
class AppIsolationIT extends ApiITSupport {

    private RegisteredApp appA;
    private RegisteredApp appB;
    private String adminA;
    private String adminB;

    @BeforeAll
    void twoAppsWithAnAdminEach() {
        appA = newApp("AppPolicy A");
        appB = newApp("AppPolicy B");
        adminA = appAdminToken(appA);
        adminB = appAdminToken(appB);
    }

    /** One admin write: how to call it on a fresh target in app A, and the permission it needs. */
    record Endpoint(
            String name,
            String method,
            Function<Target, String> path,
            Function<Target, Object> body,
            String permission,
            Function<Target, String> recordedOn) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A fresh user and a fresh API key in app A, so that no row of the matrix sees another row's change. */
    record Target(String appId, String userId, String keyId) {}

    enum Caller {
        ADMIN_A,
        KEY_A,
        PLATFORM,
        ADMIN_B,
        KEY_B
    }

    static List<Endpoint> endpoints() {
        Function<Target, String> user = Target::userId;
        Function<Target, String> app = Target::appId;
        return List.of(
                new Endpoint(
                        "disable user",
                        "POST",
                        t -> "/api/admin/users/" + t.userId() + "/disable",
                        t -> null,
                        "users:write",
                        user),
                new Endpoint(
                        "enable user",
                        "POST",
                        t -> "/api/admin/users/" + t.userId() + "/enable",
                        t -> null,
                        "users:write",
                        user),
                new Endpoint(
                        "force logout",
                        "POST",
                        t -> "/api/admin/users/" + t.userId() + "/logout",
                        t -> null,
                        "users:write",
                        user),
                new Endpoint(
                        "trigger password reset",
                        "POST",
                        t -> "/api/admin/users/" + t.userId() + "/password-reset",
                        t -> null,
                        "users:write",
                        user),
                new Endpoint(
                        "assign role",
                        "POST",
                        t -> "/api/admin/users/" + t.userId() + "/roles",
                        t -> Map.of("role", "user"),
                        "roles:write",
                        user),
                new Endpoint(
                        "revoke role",
                        "DELETE",
                        t -> "/api/admin/users/" + t.userId() + "/roles/user",
                        t -> null,
                        "roles:write",
                        user),
                new Endpoint(
                        "change settings",
                        "PUT",
                        t -> "/api/admin/apps/" + t.appId() + "/settings",
                        t -> settingsBody(),
                        "settings:write",
                        app),
                new Endpoint(
                        "define role",
                        "POST",
                        t -> "/api/admin/apps/" + t.appId() + "/roles",
                        t -> Map.of(
                                "name",
                                "r" + t.keyId().toLowerCase(java.util.Locale.ROOT),
                                "permissions",
                                List.of("users:read")),
                        "roles:write",
                        app),
                new Endpoint(
                        "issue key",
                        "POST",
                        t -> "/api/admin/apps/" + t.appId() + "/keys",
                        t -> Map.of(),
                        "keys:write",
                        app),
                new Endpoint(
                        "rotate key",
                        "POST",
                        t -> "/api/admin/apps/" + t.appId() + "/keys/" + t.keyId() + "/rotate",
                        t -> Map.of(),
                        "keys:write",
                        app),
                new Endpoint(
                        "revoke key",
                        "DELETE",
                        t -> "/api/admin/apps/" + t.appId() + "/keys/" + t.keyId(),
                        t -> null,
                        "keys:write",
                        app));
    }

    static List<Object[]> matrix() {
        List<Object[]> rows = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                rows.add(new Object[] {endpoint, caller});
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void adminWriteWhenTargetInAppAThenOnlyAppAAndThePlatformReachIt(Endpoint endpoint, Caller caller) {
        Target target = freshTarget();
        String recordedOn = endpoint.recordedOn().apply(target);
        long before = eventsOf(recordedOn);

        Http.Response response = http.send(
                endpoint.method(),
                endpoint.path().apply(target),
                Map.of("Authorization", "Bearer " + credentialOf(caller)),
                endpoint.body().apply(target));

        Set<String> held = switch (caller) {
            case ADMIN_A, ADMIN_B ->
                Set.of("users:read", "users:write", "roles:write", "settings:write", "keys:write", "audit:read");
            case KEY_A, KEY_B -> Set.of("users:read", "users:write", "roles:write", "settings:write", "audit:read");
            case PLATFORM ->
                Set.of(
                        "users:read",
                        "users:write",
                        "roles:write",
                        "settings:write",
                        "keys:write",
                        "audit:read",
                        "apps:write");
        };
        boolean sameApp = caller != Caller.ADMIN_B && caller != Caller.KEY_B;
        if (!held.contains(endpoint.permission())) {
            assertThat(response.status()).as(response.body()).isEqualTo(403);
            assertThat(eventsOf(recordedOn)).isEqualTo(before);
        } else if (!sameApp) {
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.json().get("code").asText()).isIn("USER_NOT_FOUND", "APP_NOT_FOUND");
            assertThat(eventsOf(recordedOn)).as("nothing recorded").isEqualTo(before);
        } else {
            assertThat(response.status()).as(response.body()).isBetween(200, 299);
        }
    }

    @Test
    void unknownIdAndOtherAppsIdWhenAdminOfBThenTheSameAnswer() {
        Target target = freshTarget();

        Http.Response otherApp =
                http.postWithBearer("/api/admin/users/" + target.userId() + "/disable", adminB, Map.of());
        Http.Response unknown =
                http.postWithBearer("/api/admin/users/" + java.util.UUID.randomUUID() + "/disable", adminB, Map.of());

        assertThat(otherApp.status()).isEqualTo(unknown.status()).isEqualTo(404);
        assertThat(withoutInstance(otherApp)).isEqualTo(withoutInstance(unknown));
    }

    @Test
    void appAdminWhenRegisteringAnAppThenForbidden() {
        Http.Response response = http.postWithBearer("/api/admin/apps", adminA, Map.of("name", "Mine"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(claimsOf(adminA).get("permissions").toString()).doesNotContain("apps:write");
    }

    @Test
    void customRoleWhenDefinedAndAssignedThenItsPermissionsAreInTheToken() {
        String role = "support" + Long.toHexString(System.nanoTime());
        Http.Response defined = http.postWithBearer(
                "/api/admin/apps/" + appA.appId() + "/roles",
                adminA,
                Map.of("name", role, "permissions", List.of("users:read", "audit:read")));
        Http.Response again = http.postWithBearer(
                "/api/admin/apps/" + appA.appId() + "/roles",
                adminA,
                Map.of("name", role, "permissions", List.of("users:read")));
        Http.Response platformPermission = http.postWithBearer(
                "/api/admin/apps/" + appA.appId() + "/roles",
                adminA,
                Map.of("name", role + "x", "permissions", List.of("apps:write")));
        Http.Response builtIn = http.postWithBearer(
                "/api/admin/apps/" + appA.appId() + "/roles",
                adminA,
                Map.of("name", "admin", "permissions", List.of("users:read")));
        String email = newEmail();
        String userId = registerIn(appA, email);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> appDirectory.of(appA.appId()).hasRole(role));

        Http.Response assigned =
                http.postWithBearer("/api/admin/users/" + userId + "/roles", adminA, Map.of("role", role));
        Http.Response elsewhere = http.postWithBearer(
                "/api/admin/users/" + registerIn(appB, newEmail()) + "/roles", adminB, Map.of("role", role));

        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("ROLE_EXISTS");
        assertThat(platformPermission.json().get("code").asText()).isEqualTo("ROLE_INVALID");
        assertThat(builtIn.json().get("code").asText()).isEqualTo("ROLE_INVALID");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(204);
        assertThat(elsewhere.status())
                .as("a role of app A does not exist in app B")
                .isEqualTo(400);
        String token = loginIn(appA, email, PASSWORD).json().get("access").asText();
        assertThat(claimsOf(token).get("roles").toString()).contains(role);
        assertThat(claimsOf(token).get("permissions").toString())
                .contains("users:read", "audit:read")
                .doesNotContain("users:write");
    }

    @Test
    void roleManagerWhenGrantingMoreThanItHoldsThenForbiddenAndNothingRecorded() {
        String role = "rolemgr" + Long.toHexString(System.nanoTime());
        assertThat(http.postWithBearer(
                                "/api/admin/apps/" + appA.appId() + "/roles",
                                adminA,
                                Map.of("name", role, "permissions", List.of("roles:write", "users:read")))
                        .status())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> appDirectory.of(appA.appId()).hasRole(role));
        String email = newEmail();
        String manager = registerIn(appA, email);
        assertThat(http.postWithBearer("/api/admin/users/" + manager + "/roles", adminA, Map.of("role", role))
                        .status())
                .isEqualTo(204);
        String token = loginIn(appA, email, PASSWORD).json().get("access").asText();
        long before = eventsOf(manager);
        long appEvents = eventsOf(appA.appId());

        Http.Response selfAdmin =
                http.postWithBearer("/api/admin/users/" + manager + "/roles", token, Map.of("role", "admin"));
        Http.Response strongerRole = http.postWithBearer(
                "/api/admin/apps/" + appA.appId() + "/roles",
                token,
                Map.of("name", role + "x", "permissions", List.of("users:write")));

        assertThat(selfAdmin.status()).isEqualTo(403);
        assertThat(selfAdmin.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(strongerRole.status()).isEqualTo(403);
        assertThat(eventsOf(manager)).isEqualTo(before);
        assertThat(eventsOf(appA.appId())).isEqualTo(appEvents);
    }

    @Test
    void apiKeyWhenUsedThenActsForItsAppAndIsRecordedAsTheActorAndWhenRevokedThen401() {
        String issued = http.postWithBearer("/api/admin/apps/" + appA.appId() + "/keys", adminA, Map.of())
                .json()
                .get("api_key")
                .asText();
        String keyId = issued.split("_")[1];
        await().atMost(Duration.ofSeconds(30))
                .until(() -> apiKeys().keyOf(issued, clock.instant()).isPresent());
        String userId = registerIn(appA, newEmail());

        Http.Response disabled = http.postWithBearer("/api/admin/users/" + userId + "/disable", issued, Map.of());

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? "
                                + "AND payloadtype LIKE '%.UserDisabled'")
                        .param(userId)
                        .query(String.class)
                        .single())
                .contains("\"apikey:" + keyId + "\"");
        assertThat(http.deleteWithBearer("/api/admin/apps/" + appA.appId() + "/keys/" + keyId, adminA)
                        .status())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> apiKeys().keyOf(issued, clock.instant()).isEmpty());
        Http.Response revoked = http.postWithBearer("/api/admin/users/" + userId + "/enable", issued, Map.of());
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("code").asText()).isEqualTo("INVALID_TOKEN");
        Http.Response notAdminApi = http.send(
                "POST", "/api/auth/logout/everywhere", Map.of("Authorization", "Bearer " + appA.apiKey()), null);
        assertThat(notAdminApi.status()).as("a key is no user token").isEqualTo(401);
    }

    @Test
    void roleRemovalWhenAppAdminDemotedThenOlderTokenRefusedAtOnce() {
        String email = newEmail();
        String admin = registerIn(appA, email);
        assertThat(http.postWithBearer(
                                "/api/admin/users/" + admin + "/roles", rootAdminToken(), Map.of("role", "admin"))
                        .status())
                .isEqualTo(204);
        String token = loginIn(appA, email, PASSWORD).json().get("access").asText();
        Target target = freshTarget();
        assertThat(http.postWithBearer("/api/admin/users/" + target.userId() + "/logout", token, Map.of())
                        .status())
                .isEqualTo(204);

        assertThat(http.deleteWithBearer("/api/admin/users/" + admin + "/roles/admin", adminA)
                        .status())
                .isEqualTo(204);
        Http.Response after = http.postWithBearer("/api/admin/users/" + target.userId() + "/disable", token, Map.of());

        assertThat(after.status()).isEqualTo(401);
    }

    /** The problem body apart from {@code instance}, which repeats the request's own path. */
    private static com.fasterxml.jackson.databind.JsonNode withoutInstance(Http.Response response) {
        com.fasterxml.jackson.databind.node.ObjectNode body =
                (com.fasterxml.jackson.databind.node.ObjectNode) response.json();
        body.remove("instance");
        return body;
    }

    private String credentialOf(Caller caller) {
        return switch (caller) {
            case ADMIN_A -> adminA;
            case ADMIN_B -> adminB;
            case KEY_A -> appA.apiKey();
            case KEY_B -> appB.apiKey();
            case PLATFORM -> rootAdminToken();
        };
    }

    private Target freshTarget() {
        String userId = registerIn(appA, newEmail());
        String key = http.postWithBearer("/api/admin/apps/" + appA.appId() + "/keys", rootAdminToken(), Map.of())
                .json()
                .get("key_id")
                .asText();
        return new Target(appA.appId(), userId, key);
    }

    /** A user of {@code app} made its admin by the platform operator, logged in through the app. */
    private String appAdminToken(RegisteredApp app) {
        String email = newEmail();
        String userId = registerIn(app, email);
        Http.Response granted =
                http.postWithBearer("/api/admin/users/" + userId + "/roles", rootAdminToken(), Map.of("role", "admin"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> apiKeys().keyOf(app.apiKey(), clock.instant()).isPresent());
        return loginIn(app, email, PASSWORD).json().get("access").asText();
    }

    private dev.watchword.command.apikey.ApiKeyDirectory apiKeys() {
        return apiKeyDirectory;
    }

    @org.springframework.beans.factory.annotation.Autowired
    dev.watchword.command.apikey.ApiKeyDirectory apiKeyDirectory;

    private static Map<String, Object> settingsBody() {
        return Map.of(
                "login_methods",
                List.of("password", "magic_link", "email_otp"),
                "require_verified_email",
                false,
                "access_token_minutes",
                5,
                "refresh_token_days",
                1,
                "password_min_length",
                8,
                "cors_origins",
                List.of(),
                "link_base_url",
                "http://localhost:8080",
                "sender_name",
                "AppPolicy A");
    }
}
