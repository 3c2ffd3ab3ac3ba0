package dev.watchword.command.user;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sessions and login throttling.
 *
 * @param refreshGrace         how long a just-rotated refresh token still yields the same successor (two tabs
 *                             refreshing at once), and only to the client (address and user agent) that rotated
 *                             it; every such use is recorded ({@code RefreshTokenGraceUsed}). The default is 5
 *                             seconds, at most 30 seconds: longer turns a stolen old token into a live session
 *                             ({@code WATCHWORD_SESSIONS_REFRESH_GRACE})
 * @param idleTimeout          a session not refreshed for this long ends; the default is 12 hours
 *                             ({@code WATCHWORD_SESSIONS_IDLE_TIMEOUT})
 * @param lockoutThreshold     consecutive wrong passwords from one address before it must wait; the default is 5
 * @param lockoutDelay         the first wait, doubling with each further failure; the default is 1 minute
 * @param lockoutMaxDelay      the longest wait; the default is 1 hour
 * @param hardLockoutThreshold consecutive wrong passwords from anywhere after which password login is blocked
 *                             until a reset or passwordless login; the default is 100 (NIST SP 800-63B-4 3.2.2)
 *                             The environment variables are mapped in application.yml ({@code WATCHWORD_LOCKOUT_*}).
 */
@Validated
@ConfigurationProperties("watchword.sessions")
public record SessionSettings(
        @NotNull @DefaultValue("5s") Duration refreshGrace,
        @NotNull @DefaultValue("12h") Duration idleTimeout,
        @Min(1) @DefaultValue("5") int lockoutThreshold,
        @NotNull @DefaultValue("1m") Duration lockoutDelay,
        @NotNull @DefaultValue("1h") Duration lockoutMaxDelay,
        @Min(1) @DefaultValue("100") int hardLockoutThreshold) {

    /** The longest grace window accepted: a racing refresh arrives within a second or two (RFC 9700 4.14.2). */
    static final Duration MAX_REFRESH_GRACE = Duration.ofSeconds(30);

    @AssertTrue(message = "watchword.sessions.refresh-grace must be between 0 and 30 seconds")
    public boolean isRefreshGraceShort() {
        return refreshGrace == null || (!refreshGrace.isNegative() && refreshGrace.compareTo(MAX_REFRESH_GRACE) <= 0);
    }
}
