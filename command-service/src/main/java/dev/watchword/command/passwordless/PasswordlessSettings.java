package dev.watchword.command.passwordless;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Passwordless login by email: the switches and lifetimes of the default app; every other app switches its
 * login methods in its own settings.
 *
 * @param magicLinkEnabled  sign-in links; the default is on ({@code WATCHWORD_MAGIC_LINK_ENABLED})
 * @param magicLinkLifetime the default is 10 minutes
 * @param emailOtpEnabled   sign-in codes; the default is on ({@code WATCHWORD_EMAIL_OTP_ENABLED})
 * @param emailOtpLifetime  the default is 10 minutes
 * @param emailOtpDigits    6 to 8; the default is 6
 */
@Validated
@ConfigurationProperties("watchword.passwordless")
public record PasswordlessSettings(
        @DefaultValue("true") boolean magicLinkEnabled,
        @NotNull @DefaultValue("10m") Duration magicLinkLifetime,
        @DefaultValue("true") boolean emailOtpEnabled,
        @NotNull @DefaultValue("10m") Duration emailOtpLifetime,
        @Min(6) @Max(8) @DefaultValue("6") int emailOtpDigits) {}
