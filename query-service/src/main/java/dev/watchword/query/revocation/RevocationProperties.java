package dev.watchword.query.revocation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The access-token blacklist fed by {@code SessionRevoked}.
 *
 * @param sweepInterval     how often expired entries are dropped from memory and from {@code revoked_session}.
 *                          The default is 1 minute.
 * @param retainAfterExpiry how long an entry outlives {@code accessTokensExpireBy}. It must be at least the
 *                          clock skew allowed when checking {@code exp} (60 seconds, Spring Security's
 *                          default), or a revoked token would pass during that skew. The default is 2 minutes.
 */
@Validated
@ConfigurationProperties("watchword.revocation")
public record RevocationProperties(
        @NotNull @DefaultValue("1m") Duration sweepInterval,
        @NotNull @DefaultValue("2m") Duration retainAfterExpiry) {}
