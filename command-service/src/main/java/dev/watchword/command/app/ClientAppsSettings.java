package dev.watchword.command.app;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param keyRotationGrace how long a rotated-out API key keeps working, so a backend can switch to the new key
 *                         without an outage; the default is 24 hours, at most 30 days
 *                         ({@code WATCHWORD_APPS_KEYROTATIONGRACE})
 */
@Validated
@ConfigurationProperties("watchword.apps")
public record ClientAppsSettings(@NotNull @DurationMin(seconds = 0) @DurationMax(days = 30) @DefaultValue("24h")
                                 Duration keyRotationGrace) {
}
