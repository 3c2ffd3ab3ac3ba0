package dev.watchword.query.profile;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The in-memory {@link UserProfileCache} in front of {@code user_profile}.
 *
 * @param cacheTtl          how long an entry is served after it was read or replaced. It bounds how stale a profile
 *                          may be after a change that another query-service instance projected (instances share a
 *                          consumer group, so each projects only the events of its own partitions); changes this
 *                          instance projects replace the entry as soon as they commit. {@code 0} turns the cache
 *                          off. The default is 30 seconds.
 * @param cacheMaximumSize  how many profiles are held at most; beyond it the least valuable entries are dropped
 *                          (Caffeine's W-TinyLFU). The default is 100,000 (a few hundred bytes each).
 */
@Validated
@ConfigurationProperties("watchword.profiles")
public record UserProfileCacheProperties(
        @NotNull @DurationMin(nanos = 0) @DefaultValue("30s")
        Duration cacheTtl,

        @PositiveOrZero @DefaultValue("100000") long cacheMaximumSize) {}
