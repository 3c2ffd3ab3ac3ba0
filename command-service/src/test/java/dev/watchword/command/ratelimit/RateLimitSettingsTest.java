package dev.watchword.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.command.ratelimit.RateLimitSettings.Limit;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class RateLimitSettingsTest {

    private static RateLimitSettings bind(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        return Binder.get(env).bindOrCreate("watchword.rate-limits", RateLimitSettings.class);
    }

    @Test
    void bindWhenNothingSetThenDocumentedDefaults() {
        RateLimitSettings settings = bind(Map.of());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.onStoreFailure()).isEqualTo(RateLimitSettings.StoreFailure.IN_MEMORY);
        assertThat(settings.login().perIp()).isEqualTo(new Limit(20, Duration.ofMinutes(1)));
        assertThat(settings.login().perEmail()).isEqualTo(new Limit(10, Duration.ofMinutes(1)));
        assertThat(settings.passwordReset().perEmail()).isEqualTo(new Limit(3, Duration.ofMinutes(15)));
        assertThat(settings.otpVerify().perAccount()).isEqualTo(new Limit(10, Duration.ofMinutes(15)));
        assertThat(settings.refresh().perIp()).isEqualTo(new Limit(60, Duration.ofMinutes(1)));
        assertThat(settings.passwordChange().perAccount()).isEqualTo(new Limit(5, Duration.ofMinutes(15)));
        for (RateLimitedAction action : RateLimitedAction.values()) {
            assertThat(settings.of(action).perIp()).as(action.key()).isNotNull();
            boolean namesSomeone = action.subject() != RateLimitedAction.Subject.NONE;
            assertThat(settings.of(action).perSubject(action) != null)
                    .as(action.key())
                    .isEqualTo(namesSomeone);
        }
    }

    @Test
    void bindWhenStoreFailureSetToRefuseThenRefuse() {
        RateLimitSettings settings = bind(Map.of("WATCHWORD_RATELIMITS_ONSTOREFAILURE", "refuse"));

        assertThat(settings.onStoreFailure()).isEqualTo(RateLimitSettings.StoreFailure.REFUSE);
    }

    @Test
    void bindWhenNothingSetThenOnlyLoopbackIsATrustedProxy() {
        StandardEnvironment env = new StandardEnvironment();
        TrustedProxies proxies = Binder.get(env).bindOrCreate("watchword.proxies", TrustedProxies.class);

        assertThat(proxies.trusted()).containsExactly("127.0.0.0/8", "::1/128");
        assertThat("10.0.0.1").doesNotMatch(proxies.pattern());
        assertThat("192.168.1.1").doesNotMatch(proxies.pattern());
        assertThat("127.0.0.1").matches(proxies.pattern());
    }

    @Test
    void ofPathWhenEndpointTakesASecretThenLimited() {
        assertThat(RateLimitedAction.ofPath("/api/auth/token/refresh/")).contains(RateLimitedAction.REFRESH);
        assertThat(RateLimitedAction.ofPath("/api/users/token/refresh")).contains(RateLimitedAction.REFRESH);
        assertThat(RateLimitedAction.ofPath("/api/auth/password/reset/confirm"))
                .contains(RateLimitedAction.PASSWORD_RESET_CONFIRM);
        assertThat(RateLimitedAction.ofPath("/api/auth/password/change/")).contains(RateLimitedAction.PASSWORD_CHANGE);
        assertThat(RateLimitedAction.ofPath("/api/auth/email/change")).contains(RateLimitedAction.EMAIL_CHANGE);
        assertThat(RateLimitedAction.ofPath("/api/auth/email/change/confirm/"))
                .contains(RateLimitedAction.EMAIL_CHANGE_CONFIRM);
        assertThat(RateLimitedAction.ofPath("/api/auth/magic-link/login")).contains(RateLimitedAction.MAGIC_LINK_LOGIN);
        assertThat(RateLimitedAction.ofPath("/api/auth/verify-email/")).contains(RateLimitedAction.VERIFY_EMAIL);
        assertThat(RateLimitedAction.ofPath("/api/auth/logout")).contains(RateLimitedAction.LOGOUT);
        assertThat(RateLimitedAction.ofPath("/api/auth/token/revoke/")).contains(RateLimitedAction.TOKEN_REVOKE);
    }

    @Test
    void bindWhenOneEnvironmentVariableThenOnlyThatValueChanges() {
        RateLimitSettings settings = bind(Map.of(
                "WATCHWORD_RATELIMITS_LOGIN_PERIP_CAPACITY",
                "50",
                "WATCHWORD_RATELIMITS_OTPREQUEST_PEREMAIL_PERIOD",
                "30m"));

        assertThat(settings.login().perIp()).isEqualTo(new Limit(50, Duration.ofMinutes(1)));
        assertThat(settings.login().perEmail()).isEqualTo(new Limit(10, Duration.ofMinutes(1)));
        assertThat(settings.otpRequest().perEmail()).isEqualTo(new Limit(3, Duration.ofMinutes(30)));
    }

    @Test
    void ofPathWhenWithOrWithoutTrailingSlashThenSameAction() {
        assertThat(RateLimitedAction.ofPath("/api/users/token/")).contains(RateLimitedAction.LOGIN);
        assertThat(RateLimitedAction.ofPath("/api/auth/login")).contains(RateLimitedAction.LOGIN);
        assertThat(RateLimitedAction.ofPath("/api/auth/otp/verify/")).contains(RateLimitedAction.OTP_VERIFY);
        assertThat(RateLimitedAction.ofPath("/api/auth/sessions/")).isEmpty();
    }

    @Test
    void addressKeyWhenIpv6ThenItsSlash64() {
        assertThat(RateLimiter.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(RateLimiter.addressKey("2001:db8:1:2::1"))
                .isEqualTo("20010db800010002::/64");
        assertThat(RateLimiter.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
