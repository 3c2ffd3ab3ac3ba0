package dev.watchword.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two limiters with their own connections, as two instances of command-service would have, on one table of real
 * PostgreSQL created by the V4 migration: they count against the same buckets.
 */
class SharedRateLimitStateIT {

    private static final String SCHEMA = "it_command_ratelimit";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    @BeforeAll
    static void createTable() throws IOException {
        JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(URL, "postgres", ""));
        admin.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
        admin.sql("CREATE SCHEMA " + SCHEMA).update();
        String migration =
                new ClassPathResource("db/migration/V4__rate_limits.sql").getContentAsString(StandardCharsets.UTF_8);
        JdbcClient.create(instance()).sql(migration).update();
    }

    private static DataSource instance() {
        return new DriverManagerDataSource(URL + "?currentSchema=" + SCHEMA, "postgres", "");
    }

    private static RateLimitSettings settings(String onStoreFailure) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("watchword.rate-limits.on-store-failure", onStoreFailure);
        properties.put("watchword.rate-limits.login.per-ip.capacity", 100);
        properties.put("watchword.rate-limits.login.per-email.capacity", 3);
        properties.put("watchword.rate-limits.login.per-email.period", "1h");
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return Binder.get(env).bindOrCreate("watchword.rate-limits", RateLimitSettings.class);
    }

    private static RateLimiter limiterOn(DataSource dataSource, String onStoreFailure) {
        return new RateLimiter(
                RateLimitConfiguration.buckets(dataSource, Duration.ofSeconds(2)), settings(onStoreFailure));
    }

    @Test
    void consumeWhenTwoInstancesThenTheyShareOneBucket() {
        RateLimiter first = limiterOn(instance(), "in-memory");
        RateLimiter second = limiterOn(instance(), "in-memory");
        Optional<String> email = Optional.of("shared-" + UUID.randomUUID() + "@example.com");

        assertThat(first.consume(RateLimitedAction.LOGIN, "198.18.0.1", email)).isEmpty();
        assertThat(second.consume(RateLimitedAction.LOGIN, "198.18.0.2", email)).isEmpty();
        assertThat(first.consume(RateLimitedAction.LOGIN, "198.18.0.3", email)).isEmpty();
        Optional<Duration> fourth = second.consume(RateLimitedAction.LOGIN, "198.18.0.4", email);

        // 3 per hour refill one every 20 minutes
        assertThat(fourth)
                .hasValueSatisfying(wait -> assertThat(wait)
                        .isGreaterThan(Duration.ofMinutes(19))
                        .isLessThanOrEqualTo(Duration.ofMinutes(20)));
        JdbcClient table = JdbcClient.create(instance());
        assertThat(table.sql("SELECT count(*) FROM rate_limit_bucket WHERE id LIKE 'login:email:%'")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(table.sql("SELECT count(*) FROM rate_limit_bucket WHERE id LIKE ?")
                        .param("%" + email.get() + "%")
                        .query(Long.class)
                        .single())
                .as("no address in clear")
                .isZero();
    }

    @Test
    void consumeWhenStoreUnreachableThenLimitedInMemory() throws IOException {
        DataSource nowhere = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres?connectTimeout=1", "postgres", "");
        RateLimiter limiter = limiterOn(nowhere, "in-memory");
        Optional<String> email = Optional.of("a@example.com");

        assertThat(limiter.consume(RateLimitedAction.LOGIN, "198.18.0.9", email))
                .isEmpty();
        assertThat(limiter.consume(RateLimitedAction.LOGIN, "198.18.0.10", email))
                .isEmpty();
        assertThat(limiter.consume(RateLimitedAction.LOGIN, "198.18.0.11", email))
                .isEmpty();
        assertThat(limiter.consume(RateLimitedAction.LOGIN, "198.18.0.12", email))
                .isPresent();
    }

    @Test
    void consumeWhenStoreUnreachableAndSetToRefuseThenRefused() throws IOException {
        DataSource nowhere = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:" + closedPort() + "/postgres?connectTimeout=1", "postgres", "");

        assertThatThrownBy(() -> limiterOn(nowhere, "refuse")
                        .consume(RateLimitedAction.LOGIN, "198.18.0.9", Optional.of("a@example.com")))
                .isInstanceOf(RateLimitStoreUnavailable.class);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
