package dev.watchword.devstack;

import static dev.watchword.devstack.EndToEndStack.json;
import static dev.watchword.devstack.EndToEndStack.problemCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The account lifecycle, driven through the gateway against the whole stack the way a client app and its user
 * would: every link and code comes from the real email, read from the dev stack's inbox API. docs/contract.md,
 * "Public HTTP API".
 */
class AccountLifecycleEndToEndIT {

    private static final String PASSWORD = "lantern orbit pickle saga 42";

    private static final String NEW_PASSWORD = "copper meadow violin tundra 77";

    /** Read models and the revocation list are fed by Kafka: eventually consistent, quickly. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static final String ME = "/api/users/me/";

    private static final String REFRESH = "/api/auth/token/refresh/";

    private static final String INTROSPECT = "/api/auth/token/introspect/";

    private static EndToEndStack stack;

    private static Inbox inbox;

    @BeforeAll
    static void startStack() throws SQLException {
        // Every request of this class comes from 127.0.0.1: per-address limits would count the whole class against
        // one client. The per-email limits stay as they are; each flow has addresses of its own.
        Map<String, String> limits = new HashMap<>();
        for (String action : List.of(
                "REGISTER",
                "LOGIN",
                "PASSWORDRESET",
                "PASSWORDRESETCONFIRM",
                "PASSWORDCHANGE",
                "EMAILCHANGE",
                "EMAILCHANGECONFIRM",
                "MAGICLINK",
                "MAGICLINKLOGIN",
                "OTPREQUEST",
                "OTPVERIFY",
                "VERIFICATIONRESEND",
                "VERIFYEMAIL",
                "REFRESH",
                "LOGOUT",
                "TOKENREVOKE")) {
            limits.put("WATCHWORD_RATELIMITS_" + action + "_PERIP_CAPACITY", "1000");
        }
        stack = EndToEndStack.start("watchword_lifecycle_", limits);
        inbox = stack.inbox();
    }

    @AfterAll
    static void stopStack() throws SQLException {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void passwordResetWhenConfirmedFromEmailThenNewPasswordWorksAndEverySessionEnded() throws Exception {
        String email = registerVerified("reset");
        Session before = login(email, PASSWORD);
        awaitAccepted(before);

        // when a reset is requested (the same answer for an address without an account)
        HttpResponse<String> requested = stack.post("/api/auth/password/reset/", json("email", email));
        HttpResponse<String> unknown = stack.post("/api/auth/password/reset/", json("email", address("nobody")));
        assertThat(requested.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(requested.body());

        // and the emailed link's token is posted with a new password
        String token = inbox.awaitMessage(email, "Reset your password").linkToken("/reset-password");
        HttpResponse<String> confirmed =
                stack.post("/api/auth/password/reset/confirm/", json("token", token, "password", NEW_PASSWORD));
        assertThat(confirmed.statusCode()).isEqualTo(200);

        // then the owner is told, the link is spent, only the new password works and the old session is gone
        assertThat(inbox.awaitMessage(email, "Your password was changed", "reset with a password reset link")
                        .text())
                .contains("reset your password right away");
        HttpResponse<String> again = stack.post(
                "/api/auth/password/reset/confirm/", json("token", token, "password", "another fresh passphrase 19"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(problemCode(again)).isEqualTo("INVALID_RESET_TOKEN");

        HttpResponse<String> oldPassword = stack.post("/api/auth/login/", json("email", email, "password", PASSWORD));
        assertThat(oldPassword.statusCode()).isEqualTo(401);
        assertThat(problemCode(oldPassword)).isEqualTo("INVALID_CREDENTIALS");
        assertThat(login(email, NEW_PASSWORD).access()).isNotBlank();

        assertRefreshRefused(before);
        awaitRefusedAtMe(before);
    }

    @Test
    void passwordChangeWhenEndingOtherSessionsThenOtherSessionEndedAndOwnerTold() throws Exception {
        String email = registerVerified("change");
        Session current = login(email, PASSWORD);
        Session other = login(email, PASSWORD);
        awaitAccepted(current);

        // a wrong current password changes nothing
        HttpResponse<String> wrong = stack.post(
                "/api/auth/password/change/",
                passwordChange("not my password at all 11", NEW_PASSWORD),
                current.access());
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(problemCode(wrong)).isEqualTo("CURRENT_PASSWORD_WRONG");

        // when the password is changed from the current session
        HttpResponse<String> changed =
                stack.post("/api/auth/password/change/", passwordChange(PASSWORD, NEW_PASSWORD), current.access());
        assertThat(changed.statusCode()).isEqualTo(204);

        // then the other session is over, the owner is told and the new password is the one that works
        assertRefreshRefused(other);
        awaitRefusedAtMe(other);
        assertThat(stack.get(ME, current.access()).statusCode()).isEqualTo(200);
        assertThat(inbox.awaitMessage(email, "Your password was changed", "changed from within your account")
                        .text())
                .contains("reset your password right away");
        assertThat(stack.post("/api/auth/login/", json("email", email, "password", PASSWORD))
                        .statusCode())
                .isEqualTo(401);
        assertThat(login(email, NEW_PASSWORD).access()).isNotBlank();
    }

    @Test
    void emailChangeWhenConfirmedFromNewAddressThenOldAddressToldAndNewAddressSignsIn() throws Exception {
        String oldEmail = registerVerified("old");
        String newEmail = address("new");
        Session session = login(oldEmail, PASSWORD);
        awaitAccepted(session);

        // when the change is asked for with the password
        HttpResponse<String> requested = stack.post(
                "/api/auth/email/change/",
                "{\"password\":\"" + PASSWORD + "\",\"new_email\":\"" + newEmail + "\"}",
                session.access());
        assertThat(requested.statusCode()).isEqualTo(202);

        // and confirmed with the link that only the new address received
        String token =
                inbox.awaitMessage(newEmail, "Confirm your new email address").linkToken("/confirm-email-change");
        HttpResponse<String> confirmed = stack.post("/api/auth/email/change/confirm/", json("token", token));
        assertThat(confirmed.statusCode()).isEqualTo(200);

        // then the old address is told, the profile shows the new one and sign-in goes by the new one
        assertThat(inbox.awaitMessage(oldEmail, "Your email address was changed")
                        .text())
                .contains(newEmail);
        await("profile with the new address").atMost(EVENTUALLY).untilAsserted(() -> {
            HttpResponse<String> me = stack.get(ME, session.access());
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo(newEmail);
        });
        assertThat(login(newEmail, PASSWORD).access()).isNotBlank();
        HttpResponse<String> oldAddress = stack.post("/api/auth/login/", json("email", oldEmail, "password", PASSWORD));
        assertThat(oldAddress.statusCode()).isEqualTo(401);
        assertThat(problemCode(oldAddress)).isEqualTo("INVALID_CREDENTIALS");
    }

    @Test
    void magicLinkWhenOpenedThenSignedInOnceOnly() throws Exception {
        String email = registerVerified("magic");

        HttpResponse<String> requested = stack.post("/api/auth/magic-link/", json("email", email));
        HttpResponse<String> unknown = stack.post("/api/auth/magic-link/", json("email", address("nobody")));
        assertThat(requested.statusCode()).isEqualTo(202);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(requested.body());

        String token = inbox.awaitMessage(email, "Your sign-in link").linkToken("/magic-link");
        HttpResponse<String> signedIn = stack.post("/api/auth/magic-link/login/", json("token", token));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        Session session = Session.of(signedIn);
        awaitAccepted(session);

        HttpResponse<String> replayed = stack.post("/api/auth/magic-link/login/", json("token", token));
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(problemCode(replayed)).isEqualTo("INVALID_LOGIN_LINK");
    }

    @Test
    void emailOtpWhenRightCodeThenSignedInAndWrongCodeRefused() throws Exception {
        String email = registerVerified("otp");

        HttpResponse<String> requested = stack.post("/api/auth/otp/", json("email", email));
        assertThat(requested.statusCode()).isEqualTo(202);
        String requestId = JsonPath.read(requested.body(), "$.request_id");
        HttpResponse<String> unknown = stack.post("/api/auth/otp/", json("email", address("nobody")));
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat((String) JsonPath.read(unknown.body(), "$.request_id")).hasSameSizeAs(requestId);

        String code = inbox.awaitMessage(email, "Your sign-in code").code();

        HttpResponse<String> wrong =
                stack.post("/api/auth/otp/verify/", json("request_id", requestId, "code", otherCode(code)));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(problemCode(wrong)).isEqualTo("INVALID_CODE");

        HttpResponse<String> signedIn =
                stack.post("/api/auth/otp/verify/", json("request_id", requestId, "code", code));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        awaitAccepted(Session.of(signedIn));

        HttpResponse<String> reused = stack.post("/api/auth/otp/verify/", json("request_id", requestId, "code", code));
        assertThat(reused.statusCode()).isEqualTo(401);
        assertThat(problemCode(reused)).isEqualTo("INVALID_CODE");
    }

    @Test
    void sessionsWhenOneEndedFromTheListThenItDisappearsAndLogoutEverywhereEndsTheRest() throws Exception {
        String email = registerVerified("sessions");
        Session current = login(email, PASSWORD);
        Session other = login(email, PASSWORD);

        // the list shows both, the asking one marked current
        await("both sessions listed").atMost(EVENTUALLY).untilAsserted(() -> {
            HttpResponse<String> sessions = stack.get("/api/auth/sessions/", current.access());
            assertThat(sessions.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<List<String>>read(sessions.body(), "$[*].id"))
                    .containsExactlyInAnyOrder(current.sessionId(), other.sessionId());
            assertThat(JsonPath.<List<String>>read(sessions.body(), "$[?(@.current == true)].id"))
                    .containsExactly(current.sessionId());
        });

        HttpResponse<String> unknown = stack.delete("/api/auth/sessions/" + UUID.randomUUID() + "/", current.access());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problemCode(unknown)).isEqualTo("SESSION_NOT_FOUND");

        // when the other one is ended from the list
        assertThat(stack.delete("/api/auth/sessions/" + other.sessionId() + "/", current.access())
                        .statusCode())
                .isEqualTo(204);

        // then it leaves the list, and its tokens are refused (the revocation travels by Kafka)
        await("ended session gone from the list").atMost(EVENTUALLY).untilAsserted(() -> {
            HttpResponse<String> sessions = stack.get("/api/auth/sessions/", current.access());
            assertThat(sessions.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<List<String>>read(sessions.body(), "$[*].id")).containsExactly(current.sessionId());
        });
        awaitRefusedAtMe(other);
        assertRefreshRefused(other);
        assertThat(stack.get(ME, current.access()).statusCode()).isEqualTo(200);

        // when the user logs out everywhere, no session is left
        Session third = login(email, PASSWORD);
        assertThat(stack.post("/api/auth/logout/everywhere/", "{}", current.access())
                        .statusCode())
                .isEqualTo(204);
        assertRefreshRefused(current);
        assertRefreshRefused(third);
        awaitRefusedAtMe(current);
        awaitRefusedAtMe(third);
    }

    @Test
    void introspectionWhenDevClientAsksThenLiveTokenActiveAndLoggedOutTokenInactive() throws Exception {
        String email = registerVerified("introspect");
        Session session = login(email, PASSWORD);
        awaitAccepted(session);
        IntrospectionClient client = stack.introspectionClient();

        HttpResponse<String> live = stack.postForm(INTROSPECT, Map.of("token", session.access()), client);
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(live.body(), "$.active")).isTrue();
        assertThat((String) JsonPath.read(live.body(), "$.sid")).isEqualTo(session.sessionId());
        assertThat((String) JsonPath.read(live.body(), "$.token_type")).isEqualTo("Bearer");

        // a refresh token is opaque to query-service, so it is not active there
        HttpResponse<String> refresh = stack.postForm(INTROSPECT, Map.of("token", session.refresh()), client);
        assertThat(JsonPath.<Map<String, Object>>read(refresh.body(), "$")).isEqualTo(Map.of("active", false));

        // without the client's credentials, or with a wrong secret, nobody is told anything
        HttpResponse<String> anonymous = stack.postForm(INTROSPECT, Map.of("token", session.access()), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problemCode(anonymous)).isEqualTo("INVALID_CLIENT");
        HttpResponse<String> wrongSecret = stack.postForm(
                INTROSPECT,
                Map.of("token", session.access()),
                new IntrospectionClient(client.id(), client.secret() + "x"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);

        // when the session is logged out, the token is no longer active
        assertThat(stack.post("/api/auth/logout/", json("refresh", session.refresh()))
                        .statusCode())
                .isEqualTo(204);
        await("inactive after logout").atMost(EVENTUALLY).untilAsserted(() -> {
            HttpResponse<String> after = stack.postForm(INTROSPECT, Map.of("token", session.access()), client);
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(JsonPath.<Map<String, Object>>read(after.body(), "$")).isEqualTo(Map.of("active", false));
        });
    }

    @Test
    void revocationWhenDevClientRevokesRefreshTokenThenSessionEnds() throws Exception {
        String email = registerVerified("revoke");
        Session session = login(email, PASSWORD);
        IntrospectionClient client = stack.introspectionClient();

        HttpResponse<String> anonymous =
                stack.postForm("/api/auth/token/revoke/", Map.of("token", session.refresh()), null);
        HttpResponse<String> revoked =
                stack.postForm("/api/auth/token/revoke/", Map.of("token", session.refresh()), client);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problemCode(anonymous)).isEqualTo("INVALID_CLIENT");
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertRefreshRefused(session);
        awaitRefusedAtMe(session);
    }

    @Test
    void loginWhenFiveWrongPasswordsFromOneAddressThenRightPasswordRefusedAndOwnerTold() throws Exception {
        String email = registerVerified("lockout");

        HttpResponse<String> wrong = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            wrong = stack.post("/api/auth/login/", json("email", email, "password", "wrong guess number " + attempt));
            assertThat(wrong.statusCode()).as("wrong password %d", attempt).isEqualTo(401);
            assertThat(problemCode(wrong)).isEqualTo("INVALID_CREDENTIALS");
        }

        // the right password is refused too, with an answer that does not say why
        HttpResponse<String> locked = stack.post("/api/auth/login/", json("email", email, "password", PASSWORD));
        assertThat(locked.statusCode()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo(wrong.body());

        assertThat(inbox.awaitMessage(email, "Sign-in attempts blocked").text()).contains("failed attempts in a row");
    }

    /** A user as a client app makes one: registered, and verified with the link from the email. */
    private static String registerVerified(String label) throws Exception {
        String email = address(label);
        stack.registerVerified(email, PASSWORD);
        return email;
    }

    private static String address(String label) {
        return "lifecycle-" + label + "-" + UUID.randomUUID() + "@example.com";
    }

    private static Session login(String email, String password) throws Exception {
        HttpResponse<String> login = stack.post("/api/auth/login/", json("email", email, "password", password));
        assertThat(login.statusCode())
                .as("login of %s: %s", email, login.body())
                .isEqualTo(200);
        return Session.of(login);
    }

    private static void awaitAccepted(Session session) {
        await("access token accepted at /me")
                .atMost(EVENTUALLY)
                .untilAsserted(() ->
                        assertThat(stack.get(ME, session.access()).statusCode()).isEqualTo(200));
    }

    private static void awaitRefusedAtMe(Session session) {
        await("access token refused at /me").atMost(EVENTUALLY).untilAsserted(() -> {
            HttpResponse<String> me = stack.get(ME, session.access());
            assertThat(me.statusCode()).isEqualTo(401);
            assertThat(problemCode(me)).isEqualTo("INVALID_TOKEN");
        });
    }

    private static void assertRefreshRefused(Session session) throws Exception {
        HttpResponse<String> refreshed = stack.post(REFRESH, json("refresh", session.refresh()));
        assertThat(refreshed.statusCode()).isEqualTo(401);
        assertThat(problemCode(refreshed)).isEqualTo("INVALID_REFRESH_TOKEN");
    }

    private static String passwordChange(String current, String next) {
        return "{\"current_password\":\"" + current + "\",\"new_password\":\"" + next
                + "\",\"end_other_sessions\":true}";
    }

    /** A code of the same length that is surely not the right one. */
    private static String otherCode(String code) {
        char last = code.charAt(code.length() - 1);
        return code.substring(0, code.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    /** The tokens of one session, and its id from the access token's {@code sid} claim. */
    private record Session(String access, String refresh) {

        static Session of(HttpResponse<String> tokens) {
            return new Session(JsonPath.read(tokens.body(), "$.access"), JsonPath.read(tokens.body(), "$.refresh"));
        }

        String sessionId() {
            return JsonPath.read(EndToEndStack.claims(access), "$.sid");
        }
    }
}
