package dev.watchword.command.app;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param keyRotationGrace   how long a rotated-out API key keeps working, so a backend can switch to the new key
 *                           without an outage; the default is 24 hours, at most 30 days
 *                           ({@code WATCHWORD_APPS_KEY_ROTATION_GRACE})
 * @param linkBaseFreshLogin how recently an app admin must have signed in (the session's start, not the token's)
 *                           to change the app's {@code link_base_url}, which decides where every emailed link and
 *                           its token go; the default is 5 minutes, at most 1 hour
 *                           ({@code WATCHWORD_APPS_LINK_BASE_FRESH_LOGIN}; OWASP ASVS 5.0 V7.5.1, re-authentication
 *                           before a sensitive change)
 */
@Validated
@ConfigurationProperties("watchword.apps")
public record ClientAppsSettings(
        @NotNull @DurationMin(seconds = 0) @DurationMax(days = 30) @DefaultValue("24h")
        Duration keyRotationGrace,

        @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 1) @DefaultValue("5m")
        Duration linkBaseFreshLogin) {}
