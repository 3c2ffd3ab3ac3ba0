package dev.watchword.command.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/** Rate limits (Watchword issue 3) and the trusted proxies that make the client address worth limiting on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RateLimitSettings.class, TrustedProxies.class})
class RateLimitConfiguration {

    /** Table of V4__rate_limits.sql, in the service's schema (the DataSource's search path). */
    static final String TABLE = "rate_limit_bucket";
    /** A full bucket is the same as no bucket: its row may go once it has refilled, plus this margin. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofMinutes(1);

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(DataSource dataSource,
                                                                        RateLimitSettings settings) {
        return buckets(dataSource, settings.storeTimeout());
    }

    static PostgreSQLSelectForUpdateBasedProxyManager<String> buckets(DataSource dataSource, Duration timeout) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                .requestTimeout(timeout)
                .build();
    }

    @Bean
    RateLimiter rateLimiter(PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets,
                            RateLimitSettings settings) {
        return new RateLimiter(rateLimitBuckets, settings);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, ObjectMapper json) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, json));
        // Right after Spring Security's chain, so that a 429 gets its headers (no-store, CORS, HSTS).
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }

    @Bean
    ExpiredBucketCleaner expiredBucketCleaner(PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets) {
        return new ExpiredBucketCleaner(rateLimitBuckets);
    }

    @Bean
    TrustedProxiesCustomizer trustedProxiesCustomizer(TrustedProxies proxies) {
        return new TrustedProxiesCustomizer(proxies);
    }
}
