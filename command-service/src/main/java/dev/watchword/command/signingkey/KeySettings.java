package dev.watchword.command.signingkey;

import jakarta.validation.constraints.AssertTrue;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the access-token signing keys rotate (OWASP ASVS 5.0 V13.3.4, secrets rotated on a documented
 * schedule; V11.1.1, a key lifecycle). The master key that encrypts them at rest is not a setting but a secret:
 * it comes only from the environment variable {@code WATCHWORD_MASTER_KEY} (see {@link MasterKey}).
 *
 * @param rotationPeriod   how long a key signs before its successor takes over; the default is 30 days
 * @param publishAhead     how long a new key is in the JWKS before it signs, so that verifiers holding a cached
 *                         JWKS already know it (RFC 7517 section 4.5, {@code kid} selects among a set during
 *                         key rollover); must exceed the JWKS {@code Cache-Control: max-age} of
 *                         {@link JwksController} (5 minutes) and the {@code refreshInterval}; the default is
 *                         10 minutes
 * @param retirementMargin how long a retired key stays published after the last token it signed expired, for
 *                         clock skew between instances and verifiers' leeway on {@code exp}; the default is
 *                         5 minutes
 * @param refreshInterval  how often each instance runs the rotation schedule and reloads the keys from
 *                         PostgreSQL, so that signing never reads the database; the default is 30 seconds
 */
@Validated
@ConfigurationProperties("watchword.keys")
public record KeySettings(
        Duration rotationPeriod, Duration publishAhead, Duration retirementMargin, Duration refreshInterval) {

    /** The {@code max-age} {@link JwksController} sends; keep the two in step. */
    static final Duration JWKS_MAX_AGE = Duration.ofMinutes(5);

    public KeySettings {
        rotationPeriod = rotationPeriod != null ? rotationPeriod : Duration.ofDays(30);
        publishAhead = publishAhead != null ? publishAhead : Duration.ofMinutes(10);
        retirementMargin = retirementMargin != null ? retirementMargin : Duration.ofMinutes(5);
        refreshInterval = refreshInterval != null ? refreshInterval : Duration.ofSeconds(30);
    }

    /** The defaults above. */
    public static KeySettings defaults() {
        return new KeySettings(null, null, null, null);
    }

    @AssertTrue(message = "publish-ahead must be longer than the JWKS max-age (5 minutes) and the refresh interval")
    public boolean isPublishAheadLongerThanCaches() {
        return publishAhead.compareTo(JWKS_MAX_AGE) > 0 && publishAhead.compareTo(refreshInterval) > 0;
    }

    @AssertTrue(message = "rotation-period must be longer than publish-ahead")
    public boolean isRotationPeriodLongerThanPublishAhead() {
        return rotationPeriod.compareTo(publishAhead) > 0;
    }

    @AssertTrue(message = "retirement-margin and refresh-interval must be positive")
    public boolean isPositive() {
        return !retirementMargin.isNegative()
                && !retirementMargin.isZero()
                && !refreshInterval.isNegative()
                && !refreshInterval.isZero();
    }
}
