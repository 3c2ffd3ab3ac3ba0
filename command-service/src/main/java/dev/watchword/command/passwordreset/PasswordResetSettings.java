package dev.watchword.command.passwordreset;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param lifetime how long a reset link works; the default is 30 minutes ({@code WATCHWORD_PASSWORD_RESET_LIFETIME})
 */
@Validated
@ConfigurationProperties("watchword.password-reset")
public record PasswordResetSettings(
        @NotNull @DefaultValue("30m") Duration lifetime) {}
