package dev.watchword.command.passwordless;

import dev.watchword.command.password.PasswordSettings;
import dev.watchword.command.problem.CorsSettings;
import dev.watchword.command.tenant.LoginMethodDisabled;
import dev.watchword.command.tenant.PublicOrigin;
import dev.watchword.command.tenant.TenantResolver;
import dev.watchword.command.tenant.Tenants;
import dev.watchword.command.token.TokenSettings;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A login method switched off for the default app (by the service's configuration) answers 403 on the request
 * paths before any address is looked up; per-app switches are covered by {@code TenancyIT}.
 */
class PasswordlessSwitchTest {

    private static final PasswordlessSettings OFF =
            new PasswordlessSettings(false, Duration.ofMinutes(10), false, Duration.ofMinutes(10), 6);

    private static final TenantResolver DEFAULT_APP = new TenantResolver(new Tenants(
            new TokenSettings("http://localhost:8080", "watchword", 5, 1), new PasswordSettings(8), OFF,
            new CorsSettings(List.of(), Duration.ofHours(1)),
            new StaticListableBeanFactory().getBeanProvider(EventProcessingConfiguration.class)), new PublicOrigin("http://localhost:8080"));

    @Test
    void magicLinkWhenSwitchedOffThenRequestForbidden() {
        MagicLinkController links = new MagicLinkController(null, null, null, null, OFF, DEFAULT_APP,
                Clock.systemUTC());

        assertThatThrownBy(() -> links.request(new MagicLinkController.LinkRequest("a@example.com", null),
                new MockHttpServletRequest())).isInstanceOf(LoginMethodDisabled.class);
    }

    @Test
    void emailOtpWhenSwitchedOffThenRequestForbidden() {
        EmailOtpController codes = new EmailOtpController(null, null, null, null, OFF, DEFAULT_APP,
                Clock.systemUTC());

        assertThatThrownBy(() -> codes.request(new EmailOtpController.CodeRequest("a@example.com", null),
                new MockHttpServletRequest())).isInstanceOf(LoginMethodDisabled.class);
    }
}
