package dev.watchword.command.timing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class UniformResponseTimeTest {

    private final UniformResponseTime filter = new UniformResponseTime(Duration.ofMillis(200));

    @Test
    void addressRequestWhenHandledFastThenAnsweredNoSoonerThanTheFloorWithBodyIntact() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/password/reset/");
        request.setServletPath("/api/auth/password/reset/");
        MockHttpServletResponse response = new MockHttpServletResponse();
        long start = System.nanoTime();

        filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse res)
                    throws java.io.IOException {
                res.setStatus(202);
                res.getWriter().write("{\"detail\":\"ok\"}");
                res.flushBuffer();
            }
        }));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getContentAsString()).isEqualTo("{\"detail\":\"ok\"}");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/auth/login",
                "/api/auth/login/",
                "/api/users/token/",
                "/api/auth/otp/verify",
                "/api/auth/otp/verify/",
                "/api/auth/email/change",
                "/api/auth/email/change/"
            })
    void loginCodeVerifyAndEmailChangeWhenRequestedThenHeldBack(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);

        assertThat(filter.shouldNotFilter(request)).isFalse();
    }

    @Test
    void otherRequestWhenHandledThenNotHeldBack() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/token/refresh/");
        request.setServletPath("/api/auth/token/refresh/");

        assertThat(filter.shouldNotFilter(request)).isTrue();
    }
}
