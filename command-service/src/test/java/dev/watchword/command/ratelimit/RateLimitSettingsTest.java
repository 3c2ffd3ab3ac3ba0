package dev.watchword.command.ratelimit;

import dev.watchword.command.ratelimit.RateLimitSettings.Limit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitSettingsTest {

    private static RateLimitSettings bind(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return Binder.get(env).bindOrCreate("watchword.rate-limits", RateLimitSettings.class);
    }

    @Test
    void bindWhenNothingSetThenDocumentedDefaults() {
        RateLimitSettings settings = bind(Map.of());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.failOpen()).isTrue();
        assertThat(settings.login().perIp()).isEqualTo(new Limit(20, Duration.ofMinutes(1)));
        assertThat(settings.login().perEmail()).isEqualTo(new Limit(10, Duration.ofMinutes(1)));
        assertThat(settings.passwordReset().perEmail()).isEqualTo(new Limit(3, Duration.ofMinutes(15)));
        assertThat(settings.otpVerify().perEmail()).isEqualTo(new Limit(10, Duration.ofMinutes(15)));
        for (RateLimitedAction action : RateLimitedAction.values()) {
            assertThat(settings.of(action).perIp()).as(action.key()).isNotNull();
            assertThat(settings.of(action).perEmail()).as(action.key()).isNotNull();
        }
    }

    @Test
    void bindWhenOneEnvironmentVariableThenOnlyThatValueChanges() {
        RateLimitSettings settings = bind(Map.of("WATCHWORD_RATELIMITS_LOGIN_PERIP_CAPACITY", "50",
                "WATCHWORD_RATELIMITS_OTPREQUEST_PEREMAIL_PERIOD", "30m"));

        assertThat(settings.login().perIp()).isEqualTo(new Limit(50, Duration.ofMinutes(1)));
        assertThat(settings.login().perEmail()).isEqualTo(new Limit(10, Duration.ofMinutes(1)));
        assertThat(settings.otpRequest().perEmail()).isEqualTo(new Limit(3, Duration.ofMinutes(30)));
    }

    @Test
    void ofPathWhenWithOrWithoutTrailingSlashThenSameAction() {
        assertThat(RateLimitedAction.ofPath("/api/users/token/")).contains(RateLimitedAction.LOGIN);
        assertThat(RateLimitedAction.ofPath("/api/auth/login")).contains(RateLimitedAction.LOGIN);
        assertThat(RateLimitedAction.ofPath("/api/auth/otp/verify/")).contains(RateLimitedAction.OTP_VERIFY);
        assertThat(RateLimitedAction.ofPath("/api/auth/token/refresh/")).isEmpty();
    }

    @Test
    void addressKeyWhenIpv6ThenItsSlash64() {
        assertThat(RateLimiter.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(RateLimiter.addressKey("2001:db8:1:2::1"))
                .isEqualTo("20010db800010002::/64");
        assertThat(RateLimiter.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
