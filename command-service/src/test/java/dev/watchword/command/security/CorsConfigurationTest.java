package dev.watchword.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.command.problem.ProblemWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The CORS decisions of {@link SecurityConfiguration}; RateLimitIT checks them through the real filter chain. */
class CorsConfigurationTest {

    private static MockHttpServletResponse preflight(CorsSettings settings, String origin) throws Exception {
        return preflight(settings, origin, "/api/auth/login/");
    }

    private static MockHttpServletResponse preflight(CorsSettings settings, String origin, String path)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", path);
        request.addHeader("Origin", origin);
        request.addHeader("Access-Control-Request-Method", "POST");
        request.addHeader("Access-Control-Request-Headers", "content-type");
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityConfiguration.corsFilter(
                        SecurityConfiguration.corsConfiguration(settings),
                        new ProblemWriter(Jackson2ObjectMapperBuilder.json().build()))
                .doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void preflightWhenAllowlistEmptyThenRefusedWithoutCorsHeaders() throws Exception {
        MockHttpServletResponse response =
                preflight(new CorsSettings(List.of(), Duration.ofHours(1)), "https://app.example.com");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void preflightWhenOriginAllowedThenAllowedWithCredentialsOnTheAuthPathsOnly() throws Exception {
        CorsSettings settings = new CorsSettings(List.of("https://app.example.com"), Duration.ofMinutes(10));

        MockHttpServletResponse auth = preflight(settings, "https://app.example.com");
        MockHttpServletResponse admin = preflight(settings, "https://app.example.com", "/api/admin/users/1/disable/");

        assertThat(auth.getStatus()).isEqualTo(200);
        assertThat(auth.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        // The refresh cookie of cookie mode travels on /api/auth/** alone.
        assertThat(auth.getHeader("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(auth.getHeader("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(admin.getStatus()).isEqualTo(200);
        assertThat(admin.getHeader("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void preflightWhenOriginNotListedThenRefusedWithOriginNotAllowedProblem() throws Exception {
        MockHttpServletResponse response = preflight(
                new CorsSettings(List.of("https://app.example.com"), Duration.ofHours(1)), "https://evil.example");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"ORIGIN_NOT_ALLOWED\"", "\"status\":403");
    }
}
