package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.secret.SealedSecret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pre-account takeover (OWASP ASVS 5.0 V6.4) through the HTTP API: whoever registers an address first keeps
 * neither password nor session once its owner proves the mailbox. Same configuration as
 * {@link CommandServiceIT}, so Spring reuses its context.
 */
class PreAccountTakeoverIT extends ApiITSupport {

    private static final String ATTACKERS_PASSWORD = "attacker chose this passphrase 66";
    private static final String OWNERS_PASSWORD = "quiet harbor violet 77";

    /** The secret of the user's latest event of that type, opened as notification-service would. */
    private String sealedSecret(String userId, String type, String field) {
        List<EventEnvelope> events = topic.awaitEvent(userId, type, KAFKA);
        EventEnvelope last = events.stream()
                .filter(e -> e.type().equals(type))
                .reduce((a, b) -> b)
                .orElseThrow();
        return SealedSecret.withKey(SEALING_KEY).open(last.payload().get(field).asText(), userId);
    }

    private String registerAs(String email, String password) {
        assertThat(http.post("/api/auth/register/", Map.of("email", email, "password", password))
                        .status())
                .isEqualTo(202);
        return userIdIn("default", email);
    }

    private void assertResetStillWorks(String email, String userId) {
        assertThat(http.post("/api/auth/password/reset/", Map.of("email", email))
                        .status())
                .isEqualTo(202);
        String token = sealedSecret(userId, "PasswordResetRequested", "encryptedToken");
        assertThat(http.post("/api/auth/password/reset/confirm/", Map.of("token", token, "password", OWNERS_PASSWORD))
                        .status())
                .isEqualTo(200);
        assertThat(login(email, OWNERS_PASSWORD).get("access").asText()).isNotBlank();
    }

    @Test
    void magicLinkWhenAttackerRegisteredTheAddressFirstThenAttackersPasswordAndSessionDie() {
        String email = newEmail();
        String userId = registerAs(email, ATTACKERS_PASSWORD);
        String attackersRefresh =
                login(email, ATTACKERS_PASSWORD).get("refresh").asText();

        assertThat(http.post("/api/auth/magic-link/", Map.of("email", email)).status())
                .isEqualTo(202);
        String link = sealedSecret(userId, "MagicLinkRequested", "encryptedToken");
        Http.Response owner = http.post("/api/auth/magic-link/login/", Map.of("token", link));

        assertThat(owner.status()).isEqualTo(200);
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", owner.json().get("refresh").asText()))
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/auth/token/refresh/", Map.of("refresh", attackersRefresh))
                        .status())
                .isEqualTo(401);
        Http.Response attackersLogin =
                http.post("/api/auth/login/", Map.of("email", email, "password", ATTACKERS_PASSWORD));
        assertThat(attackersLogin.status()).isEqualTo(401);
        assertThat(attackersLogin.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        // The three come from one command, in this order; one poll may return only the first two.
        assertThat(topic.awaitEvent(userId, "SessionRevoked", KAFKA))
                .extracting(EventEnvelope::type)
                .contains("EmailVerified", "PasswordRemoved", "SessionRevoked");
        assertResetStillWorks(email, userId);
    }

    @Test
    void verifyEmailWhenOwnerSignedInBeforeThenOwnSessionEndsAndResetStillWorks() {
        String email = newEmail();
        String userId = register(email);
        String refresh = login(email, PASSWORD).get("refresh").asText();
        String token = sealedSecret(userId, "EmailVerificationRequested", "encryptedToken");

        Http.Response verified = http.post("/api/auth/verify-email/", Map.of("token", token));

        assertThat(verified.status()).isEqualTo(200);
        assertThat(http.post("/api/auth/token/refresh/", Map.of("refresh", refresh))
                        .status())
                .isEqualTo(401);
        Http.Response oldPassword = http.post("/api/auth/login/", Map.of("email", email, "password", PASSWORD));
        assertThat(oldPassword.status()).isEqualTo(401);
        assertThat(oldPassword.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertResetStillWorks(email, userId);
    }

    @Test
    void verifyEmailWhenPasswordSentWithTheTokenThenThatPasswordWorks() {
        String email = newEmail();
        String userId = register(email);
        String token = sealedSecret(userId, "EmailVerificationRequested", "encryptedToken");

        Http.Response weak = http.post("/api/auth/verify-email/", Map.of("token", token, "password", "short"));
        Http.Response verified =
                http.post("/api/auth/verify-email/", Map.of("token", token, "password", OWNERS_PASSWORD));

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("code").asText()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(verified.status()).isEqualTo(200);
        assertThat(login(email, OWNERS_PASSWORD).get("access").asText()).isNotBlank();
        assertThat(http.post("/api/auth/login/", Map.of("email", email, "password", PASSWORD))
                        .status())
                .isEqualTo(401);
    }
}
