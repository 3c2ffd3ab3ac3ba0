package dev.watchword.command.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observation of Spring Security's filters, authentications and authorizations. With the actuator on
 * the class path Spring Security wraps each filter of every chain in observations that start, stop and tag timers
 * on every request, a public static JWK set and every refresh included, and nothing reads those timers (the
 * actuator exposes only health and info). Authentication failures are still logged and audited where they are
 * decided, and the answers are unchanged.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
