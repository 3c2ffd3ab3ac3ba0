package dev.watchword.devstack;

import static dev.watchword.devstack.EndToEndStack.json;
import static dev.watchword.devstack.EndToEndStack.problemCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client app registered, configured and administered end to end through the public origin: the
 * operator registers it and sets its login settings, its users register and sign in under its rules and get mail
 * under its name and link base, its backend administers them with the app's API key and introspects their tokens,
 * and neither the key nor the app's admin reaches the default app's users.
 */
class ClientAppEndToEndIT {

    private static final String PASSWORD = "lantern orbit pickle saga 42";

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static final String OPERATOR = "operator-" + UUID.randomUUID() + "@example.com";

    private static EndToEndStack stack;

    private static Inbox inbox;

    @BeforeAll
    static void startStack() throws SQLException {
        stack = EndToEndStack.start("watchword_apps_", Map.of("WATCHWORD_BOOTSTRAP_ADMIN_EMAIL", OPERATOR));
        inbox = stack.inbox();
    }

    @AfterAll
    static void stopStack() throws SQLException {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void appWhenRegisteredAndConfiguredThenItsUsersFollowItsRulesAndItsKeyAdministersOnlyThem() throws Exception {
        String operator = stack.platformOperatorToken(OPERATOR, PASSWORD);

        // the operator registers the app and sets its rules
        HttpResponse<String> created = stack.post("/api/admin/apps/", json("name", "Acme Shop"), operator);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String appId = JsonPath.read(created.body(), "$.id");
        String clientId = JsonPath.read(created.body(), "$.client_id");
        String apiKey = JsonPath.read(created.body(), "$.api_key");
        HttpResponse<String> configured = stack.put("/api/admin/apps/" + appId + "/settings/", """
				{"login_methods":["password","email_otp"],"require_verified_email":true,"access_token_minutes":15,
				 "refresh_token_days":30,"password_min_length":12,"cors_origins":["https://shop.example.com"],
				 "link_base_url":"https://shop.example.com","sender_name":"Acme Shop Accounts"}""", operator);
        assertThat(configured.statusCode()).as(configured.body()).isEqualTo(200);

        // a user registers in the app; the same address in the default app is another user
        String email = "shopper-" + UUID.randomUUID() + "@example.com";
        await("the app is known")
                .atMost(EVENTUALLY)
                .until(() -> stack.post(
                                        "/api/auth/register/",
                                        json("email", email, "password", PASSWORD, "client_id", clientId))
                                .statusCode()
                        == 202);
        assertThat(stack.post("/api/auth/register/", json("email", email, "password", PASSWORD))
                        .statusCode())
                .isEqualTo(202);

        // its mail comes under the app's name and points at the app's site
        Inbox.Message verification = await("the app's verification email")
                .atMost(EVENTUALLY)
                .until(
                        () -> inbox.messagesTo(email).stream()
                                .filter(m -> m.subject().equals("Confirm your email address")
                                        && m.text().contains("https://shop.example.com/verify-email#token="))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(verification.from()).contains("Acme Shop Accounts");

        // its rules: verified address first, no magic links, its token lifetime, its tenant in the token
        HttpResponse<String> early =
                stack.post("/api/auth/login/", json("email", email, "password", PASSWORD, "client_id", clientId));
        assertThat(early.statusCode()).isEqualTo(403);
        assertThat(problemCode(early)).isEqualTo("EMAIL_NOT_VERIFIED");
        HttpResponse<String> link = stack.post("/api/auth/magic-link/", json("email", email, "client_id", clientId));
        assertThat(link.statusCode()).isEqualTo(403);
        assertThat(problemCode(link)).isEqualTo("LOGIN_METHOD_DISABLED");
        assertThat(stack.post(
                                "/api/auth/verify-email/",
                                json("token", verification.linkToken("/verify-email"), "password", PASSWORD))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> login =
                stack.post("/api/auth/login/", json("email", email, "password", PASSWORD, "client_id", clientId));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String access = JsonPath.read(login.body(), "$.access");
        assertThat(JsonPath.<Integer>read(login.body(), "$.expires_in")).isEqualTo(900);
        String claims = EndToEndStack.claims(access);
        assertThat(JsonPath.<String>read(claims, "$.tenant")).isEqualTo(appId);
        assertThat(JsonPath.<List<String>>read(claims, "$.aud")).contains(clientId);
        String userId = JsonPath.read(claims, "$.sub");
        String defaultAccess = JsonPath.read(
                stack.post("/api/auth/login/", json("email", email, "password", PASSWORD))
                        .body(),
                "$.access");
        String defaultUserId = JsonPath.read(EndToEndStack.claims(defaultAccess), "$.sub");

        // the app's backend finds its user with its API key and introspects its tokens, not the default app's
        await("the user in the app's admin list")
                .atMost(EVENTUALLY)
                .until(() -> stack.get("/api/admin/users/?q=" + email, apiKey).body(), body -> body.contains(userId));
        assertThat(stack.get("/api/admin/users/?q=" + email, apiKey).body()).doesNotContain(defaultUserId);
        IntrospectionClient backend = new IntrospectionClient(clientId, apiKey);
        await("the app's token active for the app")
                .atMost(EVENTUALLY)
                .until(
                        () -> stack.postForm("/api/auth/token/introspect/", Map.of("token", access), backend)
                                .body(),
                        body -> body.contains("\"active\":true"));
        assertThat(stack.postForm("/api/auth/token/introspect/", Map.of("token", defaultAccess), backend)
                        .body())
                .contains("\"active\":false");

        // and administers it, but never a user of another app
        HttpResponse<String> loggedOut = stack.post("/api/admin/users/" + userId + "/logout/", "{}", apiKey);
        assertThat(loggedOut.statusCode()).as(loggedOut.body()).isEqualTo(204);
        HttpResponse<String> elsewhere = stack.post("/api/admin/users/" + defaultUserId + "/logout/", "{}", apiKey);
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        assertThat(problemCode(elsewhere)).isEqualTo("USER_NOT_FOUND");
        assertThat(stack.get("/api/admin/users/" + defaultUserId + "/", apiKey).statusCode())
                .isEqualTo(404);
    }
}
