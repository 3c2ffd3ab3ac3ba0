package dev.watchword.query.app;

import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.query.eventstream.ClientAppProjection;
import dev.watchword.query.eventstream.ReadModel;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@link ClientAppRow} from the app's events. Events of one app share a Kafka key and so arrive in order,
 * after {@code ClientAppRegistered}; each statement is still harmless when applied twice.
 */
@Component
@ReadModel(tables = "client_app_row")
class ClientAppRowProjection implements ClientAppProjection {

    private final JdbcClient jdbc;

    ClientAppRowProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope, ClientAppEvent event) {
        switch (event) {
            case ClientAppRegistered registered -> on(registered);
            case AppSettingsChanged changed -> on(changed);
            default -> {}
        }
    }

    private void on(ClientAppRegistered event) {
        jdbc.sql("""
                        insert into client_app_row (app_id, name, client_id, registered_by, registered_at, updated_at)
                        values (:appId, :name, :clientId, :registeredBy, :registeredAt, :registeredAt)
                        on conflict (app_id) do nothing""")
                .param("appId", event.appId())
                .param("name", event.name())
                .param("clientId", event.clientId())
                .param("registeredBy", event.registeredBy())
                .param("registeredAt", Timestamp.from(event.registeredAt()))
                .update();
    }

    /** Each change carries the whole new settings, so every column is replaced, never merged. */
    private void on(AppSettingsChanged event) {
        AppSettings settings = event.settings();
        jdbc.sql("""
                        update client_app_row set
                            login_methods = :loginMethods,
                            require_verified_email = :requireVerifiedEmail,
                            access_token_minutes = :accessTokenMinutes,
                            refresh_token_days = :refreshTokenDays,
                            password_min_length = :passwordMinLength,
                            cors_origins = :corsOrigins,
                            link_base_url = :linkBaseUrl,
                            sender_name = :senderName,
                            settings_changed_by = :changedBy,
                            settings_changed_at = :changedAt,
                            updated_at = greatest(updated_at, :changedAt)
                        where app_id = :appId""")
                .param("appId", event.appId())
                .param("loginMethods", array(settings.loginMethods()))
                .param("requireVerifiedEmail", settings.requireVerifiedEmail())
                .param("accessTokenMinutes", settings.accessTokenMinutes())
                .param("refreshTokenDays", settings.refreshTokenDays())
                .param("passwordMinLength", settings.passwordMinLength())
                .param("corsOrigins", array(settings.corsOrigins()))
                .param("linkBaseUrl", settings.linkBaseUrl())
                .param("senderName", settings.senderName())
                .param("changedBy", event.changedBy())
                .param("changedAt", Timestamp.from(event.changedAt()))
                .update();
    }

    /**
     * A Java array, which the driver binds as {@code text[]} (a List would be expanded into several values); a
     * missing list is an empty one.
     */
    private static String[] array(List<String> values) {
        return values == null ? new String[0] : values.toArray(String[]::new);
    }
}
