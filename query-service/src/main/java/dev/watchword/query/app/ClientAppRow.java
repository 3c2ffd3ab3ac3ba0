package dev.watchword.query.app;

import java.time.Instant;
import java.util.List;

/**
 * Read model: one registered client app as the admin's list of apps shows it.
 *
 * @param clientId          the public identifier the SDK sends; not a secret
 * @param settings          the settings of the latest {@code AppSettingsChanged}, {@code null} before the first
 * @param settingsChangedBy who made the latest settings change, {@code null} before the first
 * @param settingsChangedAt when, {@code null} before the first
 * @param updatedAt         the latest change to the app itself (registration or settings), not to its keys
 */
public record ClientAppRow(
        String appId,
        String name,
        String clientId,
        String registeredBy,
        Instant registeredAt,
        Settings settings,
        String settingsChangedBy,
        Instant settingsChangedAt,
        Instant updatedAt) {

    /** The app's login settings, whole; the fields of the event's {@code AppSettings}. */
    public record Settings(
            List<String> loginMethods,
            boolean requireVerifiedEmail,
            int accessTokenMinutes,
            int refreshTokenDays,
            int passwordMinLength,
            List<String> corsOrigins,
            String linkBaseUrl,
            String senderName) {

        public Settings {
            loginMethods = loginMethods == null ? null : List.copyOf(loginMethods);
            corsOrigins = corsOrigins == null ? null : List.copyOf(corsOrigins);
        }
    }
}
