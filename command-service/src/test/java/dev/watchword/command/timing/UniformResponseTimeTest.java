package dev.watchword.command.timing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.command.timing.UniformResponseTime.Endpoint;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The filter with a clock and a sleeper of the test's own: what it decides, not how long anything takes. */
class UniformResponseTimeTest {

    private static final long MS = 1_000_000L;

    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final List<Long> slept = new ArrayList<>();
    private final UniformResponseTime filter = new UniformResponseTime(Duration.ofMillis(300), now::get, nanos -> {
        slept.add(nanos);
        now.addAndGet(nanos);
    });

    private MockHttpServletResponse handle(String path, int status, long workMs, long queuedMs, String takenPath)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
                if (takenPath != null) {
                    ResponseTiming.path(req, takenPath);
                }
                ResponseTiming.queued(queuedMs * MS);
                now.addAndGet((workMs + queuedMs) * MS);
                res.setStatus(status);
                res.getWriter().write("{\"detail\":\"ok\"}");
                res.flushBuffer();
            }
        }));
        return response;
    }

    /** Enough answers alike for the filter to know the path ({@link AdaptiveFloor#MIN_SAMPLES}). */
    private void learn(String path, int status, long workMs, long queuedMs, String takenPath) throws Exception {
        for (int i = 0; i < AdaptiveFloor.MIN_SAMPLES; i++) {
            handle(path, status, workMs, queuedMs, takenPath);
        }
    }

    private long lastSleptMs() {
        return slept.isEmpty() ? 0 : slept.get(slept.size() - 1) / MS;
    }

    @Test
    void resetRequestWhenHandledFastThenHeldToTheFixedFloorWithBodyIntact() throws Exception {
        MockHttpServletResponse response = handle("/api/auth/password/reset/", 202, 5, 0, null);

        assertThat(lastSleptMs()).isEqualTo(295);
        assertThat(response.getStatus()).isEqualTo(202);
        assertThat(response.getContentAsString()).isEqualTo("{\"detail\":\"ok\"}");
    }

    @Test
    void loginFailureWhenNoPathKnownWellEnoughYetThenHeldToTheCap() throws Exception {
        handle("/api/auth/login/", 401, 40, 0, "no-account");

        assertThat(lastSleptMs()).isEqualTo(260);
    }

    @Test
    void loginFailureWhenBothPathsLearnedThenHeldToTheSlowerPathsFloorWhicheverPathRan() throws Exception {
        learn("/api/auth/login/", 401, 40, 0, "no-account");
        learn("/api/auth/login/", 401, 48, 0, "account");
        slept.clear();

        handle("/api/auth/login/", 401, 41, 0, "no-account");
        long unknown = lastSleptMs() + 41;
        handle("/api/auth/login/", 401, 47, 0, "account");
        long wrongPassword = lastSleptMs() + 47;

        assertThat(filter.floorOf(Endpoint.LOGIN)).isEqualTo(Duration.ofMillis(48));
        assertThat(unknown)
                .as("answered at the same offset")
                .isEqualTo(wrongPassword)
                .isEqualTo(48);
    }

    @Test
    void loginWhenTheFastPathIsFloodedThenTheFloorStaysAtTheSlowPaths() throws Exception {
        learn("/api/auth/login/", 401, 50, 0, "account");
        for (int i = 0; i < 10 * AdaptiveFloor.WINDOW; i++) {
            handle("/api/auth/login/", 401, 10, 0, "no-account");
        }

        assertThat(filter.floorOf(Endpoint.LOGIN)).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void loginWhenQueuedForAHashingTurnThenQueueingAddedToTheHoldNotLearnedAsWork() throws Exception {
        learn("/api/auth/login/", 401, 40, 500, "account");
        slept.clear();

        handle("/api/auth/login/", 401, 30, 700, "no-account");

        assertThat(filter.floorOf(Endpoint.LOGIN)).isEqualTo(Duration.ofMillis(40));
        assertThat(lastSleptMs()).as("held to queueing + floor").isEqualTo(10);
    }

    @Test
    void loginWhenSuccessfulThenAnsweredAtOnceButLearnedForItsPath() throws Exception {
        learn("/api/auth/login/", 200, 60, 0, "account");

        assertThat(slept).isEmpty();
        assertThat(filter.floorOf(Endpoint.LOGIN)).isEqualTo(Duration.ofMillis(60));
    }

    @Test
    void loginOrRegistrationWhenServerBusyThenAnsweredAtOnce() throws Exception {
        handle("/api/auth/login/", 503, 1, 2000, null);
        handle("/api/auth/register/", 503, 1, 2000, null);

        assertThat(slept).isEmpty();
    }

    @Test
    void registrationWhenSuccessfulThenStillHeldToItsFloor() throws Exception {
        learn("/api/auth/register/", 202, 70, 0, "new");
        slept.clear();

        handle("/api/auth/register/", 202, 55, 0, "taken");

        assertThat(lastSleptMs()).isEqualTo(15);
    }

    @Test
    void floorWhenWorkOutgrowsTheCapThenCapped() throws Exception {
        learn("/api/auth/register/", 202, 900, 0, "new");

        assertThat(filter.floorOf(Endpoint.REGISTRATION)).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void floorWhenOnePathHasAnOutlierThenTheNinetyNinthPercentileOfItsLastAnswers() throws Exception {
        handle("/api/auth/login/", 401, 250, 0, "account");
        for (int i = 0; i < AdaptiveFloor.WINDOW - 1; i++) {
            handle("/api/auth/login/", 401, 40 + i % 5, 0, "account");
        }

        assertThat(filter.floorOf(Endpoint.LOGIN)).isEqualTo(Duration.ofMillis(44));

        for (int i = 0; i < AdaptiveFloor.WINDOW; i++) {
            handle("/api/auth/login/", 401, 30, 0, "account");
        }

        assertThat(filter.floorOf(Endpoint.LOGIN))
                .as("old answers leave the window")
                .isEqualTo(Duration.ofMillis(30));
    }

    @Test
    void handlerWhenItThrowsThenHeldAsAFailure() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login/");
        request.setServletPath("/api/auth/login/");

        try {
            filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
                throw new IllegalStateException("broken");
            });
        } catch (Exception expected) {
            // the failure goes on up; what matters is that the answer was held first
        }

        assertThat(lastSleptMs()).isEqualTo(300);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/auth/login",
                "/api/auth/login/",
                "/api/users/token/",
                "/api/auth/register/",
                "/api/auth/otp/verify",
                "/api/auth/otp/verify/",
                "/api/auth/email/change",
                "/api/auth/email/change/"
            })
    void addressRequestsWhenRequestedThenHeldBack(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);

        assertThat(filter.shouldNotFilter(request)).isFalse();
    }

    @Test
    void otherRequestWhenHandledThenNotHeldBack() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/token/refresh/");
        request.setServletPath("/api/auth/token/refresh/");

        assertThat(filter.shouldNotFilter(request)).isTrue();
    }
}
