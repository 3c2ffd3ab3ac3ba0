package dev.watchword.notification.app;

import dev.watchword.events.app.DefaultApp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which app's settings an email to a user honours: those of the app the user registered with. */
@Component
public class AppEmailSettingsLookup {

    private final JdbcClient jdbc;

    AppEmailSettingsLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @return the settings of the user's app as last changed; empty for a user of the default app, whose emails
     * use the service's configuration. A user without a row registered before apps existed: the default app's.
     * @throws AppEmailSettingsNotReceived when the user's app is known but its settings are not, yet
     */
    public Optional<AppEmailSettings> ofUser(String userId) {
        return jdbc.sql("""
                        select u.app_id, s.app_id is not null as known, s.link_base_url, s.sender_name
                          from user_app u
                          left join app_email_settings s on s.app_id = u.app_id
                         where u.user_id = ?""")
                .param(userId)
                .query((rs, row) -> new UserApp(
                        rs.getString("app_id"),
                        rs.getBoolean("known"),
                        new AppEmailSettings(rs.getString("link_base_url"), rs.getString("sender_name"))))
                .optional()
                .flatMap(UserApp::settings);
    }

    private record UserApp(String appId, boolean known, AppEmailSettings stored) {

        Optional<AppEmailSettings> settings() {
            if (DefaultApp.APP_ID.equals(appId)) {
                return Optional.empty();
            }
            if (!known) {
                throw new AppEmailSettingsNotReceived(appId);
            }
            return Optional.of(stored);
        }
    }
}
