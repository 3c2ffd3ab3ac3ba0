package dev.watchword.query.security;

import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.query.eventstream.ClientAppProjection;
import dev.watchword.query.eventstream.ReadModel;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An app's new {@code cors_origins} apply to {@link AllowedOrigins} as soon as the transaction that wrote them to
 * {@code client_app_row} (the {@code ClientAppRow} projection, same event, same transaction) committed, so memory
 * never holds what a rollback undid.
 */
@Component
@ReadModel(
        tables = "cors_origins",
        notReplayable = "no table of its own: the CORS origins held in memory, "
                + "reloaded from client_app_row at start-up and every refresh interval")
class AppOriginsProjection implements ClientAppProjection {

    private final AllowedOrigins origins;

    AppOriginsProjection(AllowedOrigins origins) {
        this.origins = origins;
    }

    @Override
    public void project(EventEnvelope envelope, ClientAppEvent event) {
        if (!(event instanceof AppSettingsChanged changed) || changed.appId() == null) {
            return;
        }
        List<String> corsOrigins =
                changed.settings() == null ? List.of() : changed.settings().corsOrigins();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                origins.replace(changed.appId(), corsOrigins);
            }
        });
    }
}
