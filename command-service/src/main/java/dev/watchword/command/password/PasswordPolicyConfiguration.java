package dev.watchword.command.password;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One {@link PasswordPolicy} for every controller that sets a password; its list is loaded once, at startup. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PasswordSettings.class, HashingSettings.class})
class PasswordPolicyConfiguration {

    @Bean
    PasswordPolicy passwordPolicy(PasswordSettings settings) {
        return new PasswordPolicy(settings);
    }

    @Bean
    HashingBulkhead hashingBulkhead(HashingSettings settings) {
        return new HashingBulkhead(settings);
    }
}
