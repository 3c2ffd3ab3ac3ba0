package dev.watchword.query.revocation;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.UserEvent;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.ReadModel;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Keeps {@code revoked_session} and the in-memory {@link RevokedSessions} in step with the stream. */
@Component
@ReadModel(tables = "revoked_session", notReplayable = ReadModel.HELD_IN_MEMORY)
class RevokedSessionProjection implements Projection {

    private final RevokedSessionTable table;
    private final RevokedSessions revoked;

    RevokedSessionProjection(RevokedSessionTable table, RevokedSessions revoked) {
        this.table = table;
        this.revoked = revoked;
    }

    @Override
    public void project(EventEnvelope envelope, UserEvent event) {
        if (!(event instanceof SessionRevoked revocation)) {
            return;
        }
        table.insert(revocation);
        // Memory follows the table only once the row is durable, so memory never holds what a restart loses.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                revoked.revoke(revocation.sessionId(), revocation.accessTokensExpireBy());
            }
        });
    }
}
