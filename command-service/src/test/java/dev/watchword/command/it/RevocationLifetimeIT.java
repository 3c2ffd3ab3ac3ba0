package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.envelope.EventEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A revocation is remembered as long as the longest-lived access token of its session, even after the app
 * shortened its access token lifetime (OWASP ASVS 5.0 V7.4.1). Query-service keeps a revoked session until the
 * published {@code accessTokensExpireBy}, so that is what this checks. Same configuration as
 * {@link CommandServiceIT}, so Spring reuses its context.
 */
class RevocationLifetimeIT extends ApiITSupport {

    private void accessTokenMinutes(RegisteredApp app, int minutes) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("login_methods", List.of("password", "magic_link", "email_otp"));
        settings.put("require_verified_email", false);
        settings.put("access_token_minutes", minutes);
        settings.put("refresh_token_days", 1);
        settings.put("password_min_length", 8);
        settings.put("cors_origins", List.of());
        settings.put("link_base_url", "http://localhost:8080");
        settings.put("sender_name", "Test app");
        Http.Response changed = put("/api/admin/apps/" + app.appId() + "/settings", rootAdminToken(), settings);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> appDirectory.of(app.appId()).accessTokenLifetime().equals(Duration.ofMinutes(minutes)));
    }

    @Test
    void logoutWhenAppLoweredAccessTokenLifetimeSinceLoginThenRevokedUntilTheHourLongTokenExpires() {
        RegisteredApp app = newApp("revocation-lifetime");
        accessTokenMinutes(app, 60);
        String email = newEmail();
        String userId = registerIn(app, email);
        Http.Response login = loginIn(app, email, PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Instant exp = Instant.ofEpochSecond(
                claimsOf(login.json().get("access").asText()).get("exp").asLong());

        accessTokenMinutes(app, 5);
        Http.Response logout = http.post(
                "/api/auth/logout/",
                Map.of("refresh", login.json().get("refresh").asText()));

        assertThat(logout.status()).isEqualTo(204);
        JsonNode revoked = topic.awaitEvent(userId, "SessionRevoked", KAFKA).stream()
                .filter(e -> e.type().equals("SessionRevoked"))
                .map(EventEnvelope::payload)
                .findFirst()
                .orElseThrow();
        Instant refusedUntil = Instant.parse(revoked.get("accessTokensExpireBy").asText());
        assertThat(refusedUntil)
                .isAfterOrEqualTo(exp)
                .isAfter(Instant.parse(revoked.get("revokedAt").asText()).plus(Duration.ofMinutes(55)));
    }
}
