package dev.watchword.query.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which other web origins may call query-service from a browser (OWASP ASVS 5.0 V3.4.2: an allowlist,
 * never the request's own {@code Origin} echoed back), besides the {@code cors_origins} of every client app. The same
 * variables as command-service's, so one setting serves both.
 *
 * @param allowedOrigins  exact origins such as {@code https://app.example.com} ({@code WATCHWORD_CORS_ALLOWEDORIGINS},
 *                        comma separated), allowed for every app; the default is empty: with no app listing an origin
 *                        either, no cross-origin browser access at all, and preflight requests are refused
 * @param maxAge          how long a browser may cache a preflight answer; the default is 1 hour
 * @param refreshInterval how often the apps' origins are read again from the read model, for the changes that
 *                        another instance projected (this instance's own apply at once); the default is 1 minute
 */
@Validated
@ConfigurationProperties("watchword.cors")
public record CorsSettings(
        @DefaultValue @NotNull List<String> allowedOrigins,
        @DefaultValue("1h") @NotNull Duration maxAge,
        @DefaultValue("1m") @NotNull Duration refreshInterval) {

    public CorsSettings {
        allowedOrigins = allowedOrigins.stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .toList();
        for (String origin : allowedOrigins) {
            if (origin.contains("*")) {
                throw new IllegalArgumentException("watchword.cors.allowed-origins takes exact origins, not patterns");
            }
        }
    }
}
