package dev.watchword.command.user;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Email verification links.
 *
 * @param lifetime how long a link works; the default is 24 hours ({@code WATCHWORD_VERIFICATION_LIFETIME})
 */
@Validated
@ConfigurationProperties("watchword.verification")
public record VerificationSettings(@NotNull Duration lifetime) {}
