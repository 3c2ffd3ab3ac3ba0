package dev.watchword.command.security;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which other web origins may call command-service from a browser (OWASP ASVS 5.0 V3.4.2: an allowlist, never
 * the request's own Origin echoed back). Apps served from the gateway's own origin need no entry.
 *
 * @param allowedOrigins exact origins such as {@code https://app.example.com}
 *                       ({@code WATCHWORD_CORS_ALLOWEDORIGINS}, comma separated); the default is empty: no
 *                       cross-origin browser access, and preflight requests are refused with 403
 * @param maxAge         how long a browser may cache a preflight answer; the default is 1 hour
 */
@Validated
@ConfigurationProperties("watchword.cors")
public record CorsSettings(
        @DefaultValue @NotNull List<String> allowedOrigins,
        @DefaultValue("1h") @NotNull Duration maxAge) {

    public CorsSettings {
        allowedOrigins = allowedOrigins.stream()
                .map(String::strip)
                .filter(origin -> !origin.isEmpty())
                .toList();
        for (String origin : allowedOrigins) {
            if ("*".equals(origin) || origin.contains("*")) {
                throw new IllegalArgumentException("watchword.cors.allowed-origins takes exact origins, not patterns");
            }
        }
    }
}
