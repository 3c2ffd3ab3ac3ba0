package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public sign-in settings an SDK's form reads to offer exactly the app's login methods. */
class SignInSettingsIT extends ApiITSupport {

    @Test
    void appSettingsWhenClientIdGivenThenThatAppsMethods() {
        RegisteredApp app = newApp("Settings shop");

        Http.Response byQuery = http.get("/api/auth/app-settings/?client_id=" + app.clientId());
        Http.Response byHeader =
                http.send("GET", "/api/auth/app-settings", Map.of("X-Client-Id", app.clientId()), null);

        assertThat(byQuery.status()).isEqualTo(200);
        JsonNode settings = byQuery.json();
        assertThat(settings.get("client_id").asText()).isEqualTo(app.clientId());
        assertThat(settings.get("login_methods").toString()).isEqualTo("[\"password\",\"magic_link\",\"email_otp\"]");
        assertThat(settings.get("password_min_length").asInt()).isEqualTo(8);
        assertThat(settings.has("require_verified_email")).isTrue();
        assertThat(settings.size()).as("nothing beyond what a form needs").isEqualTo(4);
        assertThat(byHeader.json()).isEqualTo(settings);
    }

    @Test
    void appSettingsWhenNoClientIdThenDefaultApp() {
        Http.Response answer = http.get("/api/auth/app-settings");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("login_methods").isArray()).isTrue();
    }

    @Test
    void appSettingsWhenUnknownClientThenProblem() {
        Http.Response answer = http.get("/api/auth/app-settings/?client_id=app_nobody");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("code").asText()).isEqualTo("UNKNOWN_CLIENT");
    }
}
