package dev.watchword.query.revocation;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drops revocations whose tokens have all expired, so the blacklist stays as small as the live sessions. */
@Component
class RevokedSessionSweeper {

    private static final Logger log = LoggerFactory.getLogger(RevokedSessionSweeper.class);

    private final RevokedSessions revoked;
    private final RevokedSessionTable table;
    private final Clock clock;
    private final RevocationProperties properties;

    RevokedSessionSweeper(
            RevokedSessions revoked, RevokedSessionTable table, Clock clock, RevocationProperties properties) {
        this.revoked = revoked;
        this.table = table;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(
            fixedDelayString = "${watchword.revocation.sweep-interval:1m}",
            initialDelayString = "${watchword.revocation.sweep-interval:1m}")
    void sweep() {
        revoked.dropExpired();
        try {
            table.deleteExpiredBefore(clock.instant().minus(properties.retainAfterExpiry()));
        } catch (DataAccessException e) {
            // Harmless: the rows are only read at startup, and then filtered by expiry.
            log.warn("Could not prune revoked_session: {}", e.getMessage());
        }
    }
}
