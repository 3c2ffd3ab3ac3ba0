package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A token names its user; an app's id there (both are UUIDs) must be answered like any unknown user, never with a
 * 500 from loading the app's event stream as a user.
 */
class AppIdAsUserIdIT extends ApiITSupport {

    @Test
    void tokenFlowsWhenTokenNamesAnAppThenAnsweredLikeAnUnknownUser() {
        String forged = newApp("Not a user").appId() + "." + "A".repeat(43);
        Map<String, Map<String, Object>> flows = new LinkedHashMap<>();
        flows.put("/api/auth/verify-email/", Map.of("token", forged));
        flows.put("/api/auth/email/change/confirm/", Map.of("token", forged));
        flows.put("/api/auth/magic-link/login/", Map.of("token", forged));
        flows.put("/api/auth/password/reset/confirm/", Map.of("token", forged, "password", PASSWORD));
        flows.put("/api/auth/token/refresh/", Map.of("refresh", forged));
        flows.put("/api/auth/logout/", Map.of("refresh", forged));

        flows.forEach((path, body) -> {
            Http.Response answer = http.post(path, body);
            assertThat(answer.status()).as(path + ": " + answer.body()).isLessThan(500);
        });
        Http.Response revoked = http.postForm(
                "/api/auth/token/revoke/", "token=" + forged, basic("backend", "backend-secret-for-tests"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    }

    private static String basic(String id, String secret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((id + ":" + secret).getBytes());
    }
}
