package dev.watchword.query.app;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/admin/apps/{id}}: the list item's fields plus {@code settings} ({@code null} before
 * the first {@code AppSettingsChanged}) and {@code api_keys}, newest first.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ClientAppDetailResponse(
        String id,
        String name,
        String clientId,
        String registeredBy,
        Instant registeredAt,
        Instant updatedAt,
        Settings settings,
        String settingsChangedBy,
        Instant settingsChangedAt,
        List<ApiKey> apiKeys) {

    static ClientAppDetailResponse of(ClientAppRow row, List<ApiKeyRow> keys, Instant now) {
        ClientAppRow.Settings settings = row.settings();
        return new ClientAppDetailResponse(
                row.appId(),
                row.name(),
                row.clientId(),
                row.registeredBy(),
                row.registeredAt(),
                row.updatedAt(),
                settings == null ? null : Settings.of(settings),
                row.settingsChangedBy(),
                row.settingsChangedAt(),
                keys.stream().map(key -> ApiKey.of(key, now)).toList());
    }

    /**
     * @param loginMethods any of {@code password}, {@code magic_link}, {@code email_otp}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Settings(
            List<String> loginMethods,
            boolean requireVerifiedEmail,
            int accessTokenMinutes,
            int refreshTokenDays,
            int passwordMinLength,
            List<String> corsOrigins,
            String linkBaseUrl,
            String senderName) {

        static Settings of(ClientAppRow.Settings settings) {
            return new Settings(
                    settings.loginMethods(),
                    settings.requireVerifiedEmail(),
                    settings.accessTokenMinutes(),
                    settings.refreshTokenDays(),
                    settings.passwordMinLength(),
                    settings.corsOrigins(),
                    settings.linkBaseUrl(),
                    settings.senderName());
        }
    }

    /**
     * An API key, by its non-secret prefix only.
     *
     * @param status     {@code active}, {@code retiring} (still works until {@code valid_until}), {@code expired}
     *                   (retired and past {@code valid_until}) or {@code revoked}
     * @param validUntil the end of a retired key's grace period, else {@code null}
     * @param revokedAt  when a revoked key was revoked, else {@code null}
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApiKey(
            String id,
            String prefix,
            String status,
            String issuedBy,
            Instant issuedAt,
            Instant validUntil,
            Instant revokedAt) {

        static ApiKey of(ApiKeyRow row, Instant now) {
            return new ApiKey(
                    row.keyId(),
                    row.prefix(),
                    row.statusAt(now),
                    row.issuedBy(),
                    row.issuedAt(),
                    row.validUntil(),
                    row.revokedAt());
        }
    }
}
