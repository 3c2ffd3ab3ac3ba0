package dev.watchword.command.problem;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CORS decisions of {@link SecurityConfiguration}; RateLimitIT checks them through the real filter chain. */
class CorsConfigurationTest {

    private static MockHttpServletResponse preflight(CorsSettings settings, String origin) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/api/auth/login/");
        request.addHeader("Origin", origin);
        request.addHeader("Access-Control-Request-Method", "POST");
        request.addHeader("Access-Control-Request-Headers", "content-type");
        MockHttpServletResponse response = new MockHttpServletResponse();
        SecurityConfiguration.corsFilter(SecurityConfiguration.corsConfiguration(settings))
                .doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void preflightWhenAllowlistEmptyThenRefusedWithoutCorsHeaders() throws Exception {
        MockHttpServletResponse response = preflight(new CorsSettings(List.of(), Duration.ofHours(1)),
                "https://app.example.com");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void preflightWhenOriginAllowedThenAllowedWithoutCredentials() throws Exception {
        MockHttpServletResponse response = preflight(new CorsSettings(List.of("https://app.example.com"),
                Duration.ofMinutes(10)), "https://app.example.com");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
        assertThat(response.getHeader("Access-Control-Allow-Credentials")).isNull();
        assertThat(response.getHeader("Access-Control-Max-Age")).isEqualTo("600");
    }

    @Test
    void preflightWhenOriginNotListedThenRefusedWithOriginNotAllowedProblem() throws Exception {
        MockHttpServletResponse response = preflight(new CorsSettings(List.of("https://app.example.com"),
                Duration.ofHours(1)), "https://evil.example");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"ORIGIN_NOT_ALLOWED\"", "\"status\":403");
    }
}
