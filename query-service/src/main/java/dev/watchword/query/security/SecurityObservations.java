package dev.watchword.query.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Micrometer observation of Spring Security's filters, authentications and authorizations. With the actuator on
 * the class path Spring Security wraps each of the dozen filters of a chain in observations that start, stop and
 * tag timers on every request: two thirds of a bearer request's samples ran inside that wrapping, and nothing reads
 * those timers (the actuator exposes only the health probes). Authentication failures are still logged where they
 * are decided, and the answers are unchanged.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
