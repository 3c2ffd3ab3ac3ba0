package dev.watchword.command.passwordless;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watchword.command.CommandServiceApplication;
import dev.watchword.command.appdirectory.AppDirectory;
import dev.watchword.command.appdirectory.LoginMethodDisabled;
import dev.watchword.command.appdirectory.PublicOrigin;
import dev.watchword.command.appdirectory.RequestAppResolver;
import dev.watchword.command.issuing.TokenSettings;
import dev.watchword.command.password.PasswordSettings;
import dev.watchword.command.security.CorsSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A login method switched off for the default app (by the service's configuration) answers 403 on the request
 * paths before any address is looked up; per-app switches are covered by {@code AppTokensIT}.
 */
class PasswordlessSwitchTest {

    private static final PasswordlessSettings OFF =
            new PasswordlessSettings(false, Duration.ofMinutes(10), false, Duration.ofMinutes(10), 6);

    private static final RequestAppResolver DEFAULT_APP = new RequestAppResolver(
            new AppDirectory(
                    new CommandServiceApplication()
                            .defaultAppPolicy(
                                    new TokenSettings("http://localhost:8080", "watchword", 5, 1),
                                    new PasswordSettings(8),
                                    OFF,
                                    new CorsSettings(List.of(), Duration.ofHours(1))),
                    new StaticListableBeanFactory().getBeanProvider(EventProcessingConfiguration.class)),
            new PublicOrigin("http://localhost:8080"));

    @Test
    void magicLinkWhenSwitchedOffThenRequestForbidden() {
        MagicLinkController links =
                new MagicLinkController(null, null, null, null, OFF, DEFAULT_APP, Clock.systemUTC());

        assertThatThrownBy(() -> links.request(
                        new MagicLinkController.LinkRequest("a@example.com", null), new MockHttpServletRequest()))
                .isInstanceOf(LoginMethodDisabled.class);
    }

    @Test
    void emailOtpWhenSwitchedOffThenRequestForbidden() {
        EmailOtpController codes = new EmailOtpController(null, null, null, null, OFF, DEFAULT_APP, Clock.systemUTC());

        assertThatThrownBy(() -> codes.request(
                        new EmailOtpController.CodeRequest("a@example.com", null), new MockHttpServletRequest()))
                .isInstanceOf(LoginMethodDisabled.class);
    }
}
