package dev.watchword.query.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.app.RoleDefined;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /api/admin/apps/{id}/roles}: the built-in roles and the app's custom ones. */
class AppRoleIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);

    @Test
    void rolesWhenCustomRolesDefinedThenBuiltInFirstThenInTheOrderDefined() {
        // given
        String appId = registerApp();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        publish(new RoleDefined(appId, "support", List.of("users:read", "users:write"), "admin-1", at));
        EventEnvelope auditor =
                publish(new RoleDefined(appId, "auditor", List.of("audit:read"), "admin-2", at.plusSeconds(1)));
        publish(auditor);
        // a second definition of a name never changes the first (command-service refuses it anyway)
        publish(new RoleDefined(appId, "support", List.of("audit:read"), "admin-3", at.plusSeconds(2)));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> roles(appId, appAdminToken(appId)).size() == 4);

        // when
        JsonNode roles = body(get("/api/admin/apps/" + appId + "/roles/", appAdminToken(appId)));

        // then
        assertThat(names(roles)).containsExactly("user", "admin", "support", "auditor");
        assertThat(roles.get(0).fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("role", "permissions", "built_in", "defined_by", "defined_at");
        assertThat(roles.get(0).get("permissions")).isEmpty();
        assertThat(roles.get(0).get("built_in").asBoolean()).isTrue();
        assertThat(permissions(roles.get(1)))
                .containsExactly(
                        "users:read", "users:write", "roles:write", "settings:write", "keys:write", "audit:read");
        assertThat(permissions(roles.get(2))).containsExactly("users:read", "users:write");
        assertThat(roles.get(2).get("built_in").asBoolean()).isFalse();
        assertThat(roles.get(2).get("defined_by").asText()).isEqualTo("admin-1");
        assertThat(Instant.parse(roles.get(2).get("defined_at").asText())).isEqualTo(at);
    }

    @Test
    void rolesWhenDefaultAppThenItsAdminIsThePlatformOperator() {
        JsonNode roles = body(get("/api/admin/apps/default/roles", platformOperatorToken()));

        assertThat(names(roles)).startsWith("user", "admin");
        assertThat(permissions(roles.get(1))).contains("apps:write");
    }

    @Test
    void rolesWhenAppUnknownThen404AppNotFound() {
        HttpResponse<String> response = get("/api/admin/apps/" + randomId() + "/roles/", platformOperatorToken());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response).get("code").asText()).isEqualTo("APP_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"roles:write", "users:read"})
    void rolesWhenTokenHoldsRolesWriteOrUsersReadThen200(String permission) {
        String appId = registerApp();

        assertThat(get("/api/admin/apps/" + appId + "/roles", appToken(appId, List.of(permission)))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void rolesWhenTokenHoldsNeitherThen403() {
        String appId = registerApp();

        HttpResponse<String> response =
                get("/api/admin/apps/" + appId + "/roles", appToken(appId, List.of("audit:read", "settings:write")));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(body(response).get("code").asText()).isEqualTo("FORBIDDEN");
    }

    private String registerApp() {
        String appId = randomId();
        publish(new ClientAppRegistered(appId, "App", "client-" + appId, "operator-1", Instant.now()));
        await().atMost(PROJECTED_WITHIN)
                .until(() -> get("/api/admin/apps/" + appId + "/roles", platformOperatorToken())
                                .statusCode()
                        == 200);
        return appId;
    }

    private List<String> roles(String appId, String token) {
        return names(body(get("/api/admin/apps/" + appId + "/roles", token)));
    }

    private static List<String> names(JsonNode roles) {
        return StreamSupport.stream(roles.spliterator(), false)
                .map(role -> role.get("role").asText())
                .toList();
    }

    private static List<String> permissions(JsonNode role) {
        return StreamSupport.stream(role.get("permissions").spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
