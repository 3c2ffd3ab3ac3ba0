package dev.watchword.command.passwordless;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A switched-off login method answers 403 on every path that could reach it, before anything else runs. */
class PasswordlessSwitchTest {

    private static final PasswordlessSettings OFF =
            new PasswordlessSettings(false, Duration.ofMinutes(10), false, Duration.ofMinutes(10), 6);

    @Test
    void magicLinkWhenSwitchedOffThenRequestAndLoginForbidden() {
        MagicLinkController links = new MagicLinkController(null, null, null, null, OFF, Clock.systemUTC());

        assertThatThrownBy(() -> links.request(new MagicLinkController.LinkRequest("a@example.com"),
                new MockHttpServletRequest())).isInstanceOf(LoginMethodDisabled.class);
        assertThatThrownBy(() -> links.login(new MagicLinkController.LinkLogin("x"), new MockHttpServletRequest()))
                .isInstanceOf(LoginMethodDisabled.class);
    }

    @Test
    void emailOtpWhenSwitchedOffThenRequestAndVerifyForbidden() {
        EmailOtpController codes = new EmailOtpController(null, null, null, null, OFF, Clock.systemUTC());

        assertThatThrownBy(() -> codes.request(new EmailOtpController.CodeRequest("a@example.com"),
                new MockHttpServletRequest())).isInstanceOf(LoginMethodDisabled.class);
        assertThatThrownBy(() -> codes.verify(new EmailOtpController.CodeLogin("r", "123456"),
                new MockHttpServletRequest())).isInstanceOf(LoginMethodDisabled.class);
    }
}
