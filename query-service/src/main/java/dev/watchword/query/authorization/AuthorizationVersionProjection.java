package dev.watchword.query.authorization;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserEvent;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.ReadModel;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code authorization_version} and the in-memory {@link AuthorizationVersions} in step with the stream.
 * The version is counted in the table, not taken from the event: the listener applies each event once
 * ({@code processed_event}), and a user's events share a Kafka key, so they arrive in order and the n-th
 * authorization event of a user sets version n, as command-service counts it.
 */
@Component
@ReadModel(tables = "authorization_version", notReplayable = ReadModel.HELD_IN_MEMORY)
class AuthorizationVersionProjection implements Projection {

    private final AuthorizationVersionTable table;
    private final AuthorizationVersions versions;

    AuthorizationVersionProjection(AuthorizationVersionTable table, AuthorizationVersions versions) {
        this.table = table;
        this.versions = versions;
    }

    @Override
    public void project(EventEnvelope envelope, UserEvent event) {
        switch (event) {
            case RoleAssigned assigned -> increment(assigned.userId(), null, assigned.assignedAt());
            case RoleRevoked revoked -> increment(revoked.userId(), null, revoked.revokedAt());
            case UserDisabled disabled -> increment(disabled.userId(), true, disabled.disabledAt());
            case UserEnabled enabled -> increment(enabled.userId(), false, enabled.enabledAt());
            default -> {}
        }
    }

    private void increment(String userId, Boolean disabled, Instant at) {
        AuthorizationVersionTable.Entry state = table.increment(userId, disabled, at == null ? Instant.now() : at);
        // Memory follows the table only once the row is durable, so memory never holds what a restart loses.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                versions.update(state.userId(), state.version(), state.disabled());
            }
        });
    }
}
