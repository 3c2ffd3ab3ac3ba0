package dev.watchword.command.ratelimit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.watchword.command.onetimesecret.EmailOtpCodes;
import dev.watchword.command.problem.ProblemWriter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Rate limits and the trusted proxies that make the client address worth limiting on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RateLimitSettings.class, TrustedProxies.class})
class RateLimitConfiguration {

    /** Table of V4__rate_limits.sql, in the service's schema (the DataSource's search path). */
    static final String TABLE = "rate_limit_bucket";
    /** A full bucket is the same as no bucket: its row may go once it has refilled, plus this margin. */
    private static final Duration KEEP_FULL_BUCKETS = Duration.ofMinutes(1);
    /** A check is one short transaction; beyond this many at once, checks wait (at most the store timeout). */
    private static final int STORE_CONNECTIONS = 5;

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(
            RateLimitStore store, RateLimitSettings settings) {
        return buckets(store.connections(), settings.storeTimeout());
    }

    /**
     * The limits' own small pool, on the same database and schema as the service: a locked bucket table or a slow
     * database then holds none of the event store's connections, and waiting for a connection is bounded by the
     * store timeout as well (the main pool waits 30 seconds), so that a check fails over in time (see
     * {@link RateLimiter}). Not a {@code DataSource} bean, which would displace the service's own.
     */
    @Bean(destroyMethod = "close")
    RateLimitStore rateLimitStore(
            DataSourceProperties properties,
            RateLimitSettings settings,
            @Value("${spring.datasource.hikari.schema:}") String schema) {
        HikariDataSource pool = properties
                .initializeDataSourceBuilder()
                .type(HikariDataSource.class)
                .build();
        pool.setPoolName("rate-limits");
        if (!schema.isBlank()) {
            pool.setSchema(schema);
        }
        long timeoutMillis = Math.max(250, settings.storeTimeout().toMillis());
        pool.setMaximumPoolSize(STORE_CONNECTIONS);
        pool.setConnectionTimeout(timeoutMillis);
        // Starts without the database; the checks fail over until it answers.
        pool.setInitializationFailTimeout(-1);
        // PostgreSQL ends a wait for a row lock or a slow statement itself, whatever the driver does.
        pool.addDataSourceProperty(
                "options", "-c lock_timeout=" + timeoutMillis + " -c statement_timeout=" + timeoutMillis);
        return new RateLimitStore(pool);
    }

    record RateLimitStore(HikariDataSource connections) implements AutoCloseable {

        @Override
        public void close() {
            connections.close();
        }
    }

    static PostgreSQLSelectForUpdateBasedProxyManager<String> buckets(DataSource dataSource, Duration timeout) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                .requestTimeout(timeout)
                .build();
    }

    @Bean
    RateLimiter rateLimiter(
            PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets, RateLimitSettings settings) {
        return new RateLimiter(rateLimitBuckets, settings);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimiter limiter, ObjectMapper json, ProblemWriter problems, EmailOtpCodes codes) {
        FilterRegistrationBean<RateLimitFilter> registration =
                new FilterRegistrationBean<>(new RateLimitFilter(limiter, json, problems, codes::userOf));
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
