package dev.watchword.query.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The query side's API reference is served without a token and describes the admin reads. */
class ApiDocumentationIT extends IntegrationTestSupport {

    @Test
    void apiDocsWhenRequestedWithoutTokenThenOpenApiListsAdminReads() {
        HttpResponse<String> docs = get("/v3/api-docs", null);

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = body(docs).get("paths");
        assertThat(paths.has("/api/admin/users")).isTrue();
        assertThat(paths.has("/api/admin/apps")).isTrue();
        assertThat(paths.has("/api/admin/apps/{id}")).isTrue();
        assertThat(paths.has("/api/users/me")).isTrue();
        assertThat(paths.has("/api/admin/apps/{id}/roles")).isTrue();
    }

    @Test
    void apiDocsWhenRequestedThenTheScopeIsNoParameterAndBothCredentialsAreDescribed() {
        JsonNode docs = body(get("/v3/api-docs", null));

        // The caller's scope comes from its credentials, never from the request.
        JsonNode parameters =
                docs.get("paths").get("/api/admin/users").get("get").get("parameters");
        assertThat(parameters)
                .extracting(parameter -> parameter.get("name").asText())
                .contains("app", "q")
                .doesNotContain("scope", "appId");
        assertThat(docs.get("components").get("securitySchemes").fieldNames())
                .toIterable()
                .contains("accessToken", "apiKey", "client");
        assertThat(docs.get("info").get("description").asText()).contains("apps:write", "unknown id");
    }
}
