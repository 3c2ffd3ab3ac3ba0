package dev.watchword.command;

import dev.watchword.command.app.AppSettingsPolicy;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.issuing.TokenSettings;
import dev.watchword.command.password.PasswordSettings;
import dev.watchword.command.passwordless.PasswordlessSettings;
import dev.watchword.command.security.CorsSettings;
import dev.watchword.command.signingkey.KeySchedule;
import dev.watchword.command.signingkey.KeySettings;
import dev.watchword.command.user.AccountPolicy;
import dev.watchword.command.user.SessionSettings;
import dev.watchword.command.user.VerificationSettings;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.user.LoginMethod;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties({TokenSettings.class, VerificationSettings.class, SessionSettings.class})
public class CommandServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The default app's policy: the service's own configuration of lifetimes, password length, passwordless
     * switches and origins. Built here, where features meet, so that the app directory depends on none of them.
     */
    @Bean
    public AppPolicy defaultAppPolicy(
            TokenSettings tokens, PasswordSettings passwords, PasswordlessSettings passwordless, CorsSettings cors) {
        Set<LoginMethod> methods = EnumSet.of(LoginMethod.PASSWORD);
        if (passwordless.magicLinkEnabled()) {
            methods.add(LoginMethod.MAGIC_LINK);
        }
        if (passwordless.emailOtpEnabled()) {
            methods.add(LoginMethod.EMAIL_OTP);
        }
        return new AppPolicy(
                DefaultApp.APP_ID,
                DefaultApp.CLIENT_ID,
                methods,
                false,
                tokens.accessTokenDuration(),
                tokens.refreshTokenDuration(),
                passwords.minLength(),
                cors.allowedOrigins(),
                Map.of());
    }

    /**
     * A retired signing key stays published until the longest-lived access token it signed has expired: the
     * longest an app may choose, not the default app's lifetime, or an app's tokens would fail verification
     * before they expire (RFC 7517 section 5: a verifier finds the key by {@code kid} in the set).
     */
    @Bean
    public KeySchedule keySchedule(KeySettings settings, TokenSettings tokens) {
        Duration longest = tokens.accessTokenDuration().compareTo(AppSettingsPolicy.LONGEST_ACCESS_TOKEN) > 0
                ? tokens.accessTokenDuration()
                : AppSettingsPolicy.LONGEST_ACCESS_TOKEN;
        return new KeySchedule(settings, longest);
    }

    @Bean
    AccountPolicy accountPolicy(TokenSettings tokens, SessionSettings sessions) {
        return new AccountPolicy(
                tokens.accessTokenDuration(),
                tokens.refreshTokenDuration(),
                sessions.refreshGrace(),
                sessions.idleTimeout(),
                sessions.lockoutThreshold(),
                sessions.lockoutDelay(),
                sessions.lockoutMaxDelay(),
                sessions.hardLockoutThreshold());
    }
}
