package dev.watchword.notification.app;

import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.envelope.EventEnvelope;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds {@code app_email_settings}: the link base URL and sender name each client app's emails use. */
@Component
public class AppEmailSettingsProjection {

    private final JdbcClient jdbc;

    AppEmailSettingsProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Each change carries the app's whole settings, so the row is replaced, never merged. Only a later event of
     * the app (by its sequence number in the app's stream) replaces it: a redelivered event (the same number)
     * changes nothing, and neither does an older one read again after a newer one.
     */
    public void on(EventEnvelope envelope, AppSettingsChanged event) {
        AppSettings settings = event.settings();
        jdbc.sql("""
                        insert into app_email_settings
                               (app_id, link_base_url, sender_name, sequence_number, event_id, changed_at)
                        values (:appId, :linkBaseUrl, :senderName, :sequenceNumber, :eventId, :changedAt)
                        on conflict (app_id) do update
                           set link_base_url = excluded.link_base_url,
                               sender_name = excluded.sender_name,
                               sequence_number = excluded.sequence_number,
                               event_id = excluded.event_id,
                               changed_at = excluded.changed_at
                         where app_email_settings.sequence_number < excluded.sequence_number""")
                .param("appId", event.appId())
                .param("linkBaseUrl", settings == null ? null : settings.linkBaseUrl())
                .param("senderName", settings == null ? null : settings.senderName())
                .param("sequenceNumber", envelope.sequenceNumber())
                .param("eventId", envelope.eventId())
                .param("changedAt", event.changedAt() == null ? null : Timestamp.from(event.changedAt()))
                .update();
    }
}
