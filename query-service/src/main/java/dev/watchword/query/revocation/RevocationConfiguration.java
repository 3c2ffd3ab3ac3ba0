package dev.watchword.query.revocation;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RevocationConfiguration {

    /**
     * Loaded from the table while the context starts, before the token decoder that uses it exists and
     * before the web server or the Kafka listener run, so no request is checked against a partial blacklist.
     */
    @Bean
    RevokedSessions revokedSessions(RevokedSessionTable table, Clock clock, RevocationProperties properties) {
        RevokedSessions revoked = new RevokedSessions(clock, properties.retainAfterExpiry());
        table.findExpiringAfter(clock.instant().minus(properties.retainAfterExpiry()))
                .forEach(entry -> revoked.revoke(entry.sessionId(), entry.expiresAt()));
        return revoked;
    }
}
