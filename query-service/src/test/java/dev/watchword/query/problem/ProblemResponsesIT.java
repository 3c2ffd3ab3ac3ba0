package dev.watchword.query.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesIT extends IntegrationTestSupport {

    private final String token = accessToken(randomId(), randomId());

    @Test
    void getWhenPathUnknownThen404NotFoundProblem() {
        assertProblem(get("/api/nothing-here", token), 404, "NOT_FOUND");
    }

    @Test
    void getWhenClientAcceptsOnlyJsonThenProblemStillCarriesCode() {
        HttpResponse<String> response =
                send("/api/nothing-here", request -> request.GET().header("Accept", "application/json"), token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(body(response).get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void postWhenOnlyGetMappedThen405MethodNotAllowedProblem() {
        HttpResponse<String> response =
                send("/api/users/me/", request -> request.POST(HttpRequest.BodyPublishers.ofString("{}")), token);

        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void getWhenPathRejectedByFirewallThen400MalformedRequestProblem() {
        assertProblem(get("/api/users/me;jsessionid=x", token), 400, "MALFORMED_REQUEST");
    }

    @Test
    void readinessWhenAnonymousThenUp() {
        HttpResponse<String> response = get("/actuator/health/readiness", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("status").asText()).isEqualTo("UP");
    }

    private void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("status").asInt()).isEqualTo(status);
        assertThat(body(response).get("code").asText()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("Exception", "trace");
    }
}
