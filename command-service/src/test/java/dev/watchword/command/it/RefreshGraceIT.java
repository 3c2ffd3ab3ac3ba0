package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.events.envelope.EventEnvelope;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The racing-refresh grace window (RFC 9700 section 4.14.2) through the HTTP API: the token just replaced
 * yields the live session again only to the client that replaced it, and that use is recorded. Same
 * configuration as {@link CommandServiceIT}, so Spring reuses its context.
 */
class RefreshGraceIT extends ApiITSupport {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0";

    private Http.Response refresh(String token, String userAgent) {
        return http.send("POST", "/api/auth/token/refresh/", Map.of("User-Agent", userAgent), Map.of("refresh", token));
    }

    @Test
    void refreshWhenSameBrowserRacesWithinGraceThenBothTabsStaySignedInAndTheUseIsRecorded() {
        String email = newEmail();
        String userId = register(email);
        String original = login(email, PASSWORD).get("refresh").asText();

        Http.Response tab1 = refresh(original, BROWSER);
        Http.Response tab2 = refresh(original, BROWSER);

        assertThat(tab1.status()).isEqualTo(200);
        assertThat(tab2.status()).isEqualTo(200);
        assertThat(tab2.json().get("refresh").asText())
                .isEqualTo(tab1.json().get("refresh").asText());
        assertThat(tab2.json().get("access").asText())
                .isNotEqualTo(tab1.json().get("access").asText());
        assertThat(topic.awaitEvent(userId, "RefreshTokenGraceUsed", KAFKA))
                .extracting(EventEnvelope::type)
                .doesNotContain("RefreshTokenReuseDetected");
        assertThat(refresh(tab2.json().get("refresh").asText(), BROWSER).status())
                .isEqualTo(200);
    }

    @Test
    void refreshWhenAnotherClientReplaysWithinGraceThenNoTokensAndTheSessionEnds() {
        String email = newEmail();
        register(email);
        String original = login(email, PASSWORD).get("refresh").asText();

        Http.Response owner = refresh(original, BROWSER);
        Http.Response thief = refresh(original, "curl/8.5.0");

        assertThat(owner.status()).isEqualTo(200);
        assertThat(thief.status()).isEqualTo(401);
        assertThat(thief.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(thief.body()).doesNotContain(owner.json().get("refresh").asText());
        assertThat(refresh(owner.json().get("refresh").asText(), BROWSER).status())
                .isEqualTo(401);
    }
}
