package dev.watchword.query.appscope;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.eventstream.EnvelopeProjection;
import dev.watchword.query.eventstream.ReadModel;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Records each user's app from {@code UserRegistered}. An {@link EnvelopeProjection} (idempotent on its own key,
 * called for redeliveries too) rather than a {@code Projection}, so that a replay of the log fills in users
 * consumed before the table existed, as the audit trail does.
 */
@Component
@ReadModel(tables = "user_app")
class UserAppProjection implements EnvelopeProjection {

    private final UserApps userApps;

    UserAppProjection(UserApps userApps) {
        this.userApps = userApps;
    }

    @Override
    public void project(EventEnvelope envelope, Optional<Object> event) {
        if (event.orElse(null) instanceof UserRegistered registered && registered.userId() != null) {
            userApps.record(registered.userId(), registered.appIdOrDefault());
        }
    }
}
