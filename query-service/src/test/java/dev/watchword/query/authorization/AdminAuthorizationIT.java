package dev.watchword.query.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import dev.watchword.query.TestIssuer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The admin API's rules, through the real filter chain: permissions, authorization version, disabled accounts. */
class AdminAuthorizationIT extends IntegrationTestSupport {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String USERS = "/api/admin/users";

    @Autowired
    private AuthorizationVersions versions;

    @Autowired
    private AuthorizationVersionTable table;

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/users", "/api/admin/users/", "/api/admin/users/unknown-id/logins"})
    void usersWhenTokenHoldsUsersReadThen200(String path) {
        HttpResponse<String> response = get(path, accessToken(randomId(), randomId(), List.of("users:read"), 0L));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/activity/daily", "/api/admin/activity/monthly/"})
    void activityWhenTokenHoldsAuditReadThen200(String path) {
        HttpResponse<String> response = get(path, accessToken(randomId(), randomId(), List.of("audit:read"), 0L));

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/admin/users",
                "/api/admin/users/some-id",
                "/api/admin/users/some-id/logins/",
                "/api/admin/activity/daily/",
                "/api/admin/activity/monthly",
                "/api/admin/no-rule-for-this"
            })
    void adminWhenTokenWithoutThePermissionThen403Forbidden(String path) {
        // given: a plain user's token, and one holding only the other read permission
        String plainUser = accessToken(randomId(), randomId(), List.of(), 0L);
        String otherPermission = accessToken(
                randomId(), randomId(), List.of(path.contains("/activity/") ? "users:read" : "audit:read"), 0L);

        for (String token : List.of(plainUser, otherPermission, accessToken(randomId(), randomId()))) {
            // when
            HttpResponse<String> response = get(path, token);

            // then
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(body(response).get("code").asText()).isEqualTo("FORBIDDEN");
            assertThat(body(response).get("status").asInt()).isEqualTo(403);
        }
    }

    @Test
    void adminWhenNoTokenThen401InvalidTokenWithBareChallenge() {
        HttpResponse<String> response = get(USERS, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void adminWhenTokenForgedThen401() {
        HttpResponse<String> response =
                get(USERS, TestIssuer.get().accessTokenSignedByForeignKey(randomId(), randomId()));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(body(response).get("code").asText()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void usersWhenRoleRevokedAfterTokenIssuedThen401InvalidTokenAndRefreshedTokenWorks() {
        // given: an admin whose token carries authz_ver 1 (after RoleAssigned)
        String adminId = registered();
        publish(new RoleAssigned(adminId, "admin", "system:bootstrap", Instant.now()));
        await().atMost(WITHIN).until(() -> versions.currentVersion(adminId) == 1);
        String token = adminToken(adminId, 1);
        assertThat(get(USERS, token).statusCode()).isEqualTo(200);

        // when
        publish(new RoleRevoked(adminId, "admin", randomId(), Instant.now()));

        // then
        await().atMost(WITHIN).until(() -> get(USERS, token).statusCode() == 401);
        HttpResponse<String> refused = get(USERS, token);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(body(refused).get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(versions.currentVersion(adminId)).isEqualTo(2);
        // A token without authz_ver counts as version 0, so it is stale too.
        assertThat(get(USERS, accessToken(adminId, randomId(), List.of("users:read"), null))
                        .statusCode())
                .isEqualTo(401);
        // A token refreshed after the change carries version 2 (and, issued now, no admin permissions).
        assertThat(get(USERS, accessToken(adminId, randomId(), List.of(), 2L)).statusCode())
                .isEqualTo(403);
        // Outside the admin API the stale token still works: only where permissions matter is it refused.
        assertThat(get("/api/users/me", token).statusCode()).isEqualTo(200);
    }

    @Test
    void usersWhenUserDisabledThenEvenCurrentTokenRefusedEverywhereUntilEnabled() {
        // given
        String adminId = registered();
        publish(new RoleAssigned(adminId, "admin", "system:bootstrap", Instant.now()));

        // when
        publish(new UserDisabled(adminId, randomId(), Instant.now()));

        // then: authz_ver 2 is current, but the account is disabled
        await().atMost(WITHIN).until(() -> versions.isDisabled(adminId));
        assertThat(versions.currentVersion(adminId)).isEqualTo(2);
        HttpResponse<String> admin = get(USERS, adminToken(adminId, 2));
        assertThat(admin.statusCode()).isEqualTo(401);
        assertThat(body(admin).get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(get("/api/users/me", adminToken(adminId, 2)).statusCode()).isEqualTo(401);

        // when
        publish(new UserEnabled(adminId, randomId(), Instant.now()));

        // then
        await().atMost(WITHIN).until(() -> versions.currentVersion(adminId) == 3);
        assertThat(get(USERS, adminToken(adminId, 3)).statusCode()).isEqualTo(200);
        assertThat(get(USERS, adminToken(adminId, 2)).statusCode()).isEqualTo(401);
        HttpResponse<String> me = get("/api/users/me", adminToken(adminId, 2));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(body(me).get("roles")).extracting(JsonNode::asText).containsExactly("user", "admin");
    }

    @Test
    void usersWhenAuthzVerNotAnIntegerThen401() {
        String token = TestIssuer.get()
                .accessToken(
                        randomId(),
                        randomId(),
                        UnaryOperator.identity(),
                        claims -> claims.claim("permissions", List.of("users:read"))
                                .claim("authz_ver", "7"));

        assertThat(get(USERS, token).statusCode()).isEqualTo(401);
    }

    @Test
    void authorizationVersionsWhenServiceStartsThenLoadedFromTable() {
        // given: what earlier runs of the service stored
        String demoted = randomId();
        String disabled = randomId();
        table.increment(demoted, null, Instant.now());
        table.increment(demoted, null, Instant.now());
        table.increment(disabled, true, Instant.now());

        // when
        AuthorizationVersions loaded = new AuthorizationConfiguration().authorizationVersions(table);

        // then
        assertThat(loaded.currentVersion(demoted)).isEqualTo(2);
        assertThat(loaded.isCurrent(demoted, 1)).isFalse();
        assertThat(loaded.isCurrent(demoted, 2)).isTrue();
        assertThat(loaded.isDisabled(disabled)).isTrue();
        assertThat(loaded.currentVersion(randomId())).isZero();
    }

    private String registered() {
        String userId = randomId();
        publish(new UserRegistered(userId, randomEmail(), "hash", Instant.now()));
        return userId;
    }
}
