package dev.watchword.command;

import dev.watchword.command.issuing.TokenSettings;
import dev.watchword.command.user.AccountPolicy;
import dev.watchword.command.user.SessionSettings;
import dev.watchword.command.user.VerificationSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

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

    @Bean
    AccountPolicy accountPolicy(TokenSettings tokens, SessionSettings sessions) {
        return new AccountPolicy(tokens.accessTokenDuration(), tokens.refreshTokenDuration(), sessions.refreshGrace(),
                sessions.idleTimeout(), sessions.lockoutThreshold(), sessions.lockoutDelay(),
                sessions.lockoutMaxDelay(), sessions.hardLockoutThreshold());
    }
}
