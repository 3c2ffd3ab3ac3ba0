package dev.watchword.command.password;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What a new password must be (registration, reset, change).
 *
 * @param minLength the fewest Unicode code points (after NFC) a new password may have
 *                  ({@code WATCHWORD_PASSWORDS_MIN_LENGTH}); the default is 8, which is also the floor (OWASP
 *                  ASVS 5.0 V6.2.1); at most 64, so that the 128 characters V6.2.9 asks us to accept always pass
 */
@Validated
@ConfigurationProperties("watchword.passwords")
public record PasswordSettings(
        @DefaultValue("8") @Min(PasswordPolicy.FLOOR_LENGTH) @Max(64)
        int minLength) {}
