package dev.watchword.command.issuing;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How access and refresh tokens are issued.
 *
 * @param issuer                the {@code iss} claim; the default is the public URL, {@code http://localhost:8080}
 * @param audience              the {@code aud} claim; the default is {@code watchword}
 * @param accessTokenLifetime   minutes ({@code JWT_ACCESS_TOKEN_LIFETIME}); the default is 5
 * @param refreshTokenLifetime  days ({@code JWT_REFRESH_TOKEN_LIFETIME}); the default is 1
 */
@Validated
@ConfigurationProperties("watchword.tokens")
public record TokenSettings(
        @NotBlank String issuer,
        @NotBlank String audience,
        @Positive long accessTokenLifetime,
        @Positive long refreshTokenLifetime) {

    public Duration accessTokenDuration() {
        return Duration.ofMinutes(accessTokenLifetime);
    }

    public Duration refreshTokenDuration() {
        return Duration.ofDays(refreshTokenLifetime);
    }
}
