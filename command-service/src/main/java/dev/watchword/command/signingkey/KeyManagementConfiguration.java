package dev.watchword.command.signingkey;

import dev.watchword.command.operator.OperatorToken;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Signing key management. Its two secrets come only from the environment (OWASP ASVS 5.0 V13.3.1):
 * {@code WATCHWORD_MASTER_KEY}, required, and {@code WATCHWORD_OPERATOR_TOKEN}, optional (see
 * {@link KeyRotationController}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeySettings.class)
public class KeyManagementConfiguration {

    @Bean
    MasterKey masterKey(@Value("${WATCHWORD_MASTER_KEY:}") String base64Key) {
        return MasterKey.fromBase64(base64Key);
    }

    @Bean
    OperatorToken operatorToken(@Value("${WATCHWORD_OPERATOR_TOKEN:}") String token) {
        return OperatorToken.of(token);
    }
}
