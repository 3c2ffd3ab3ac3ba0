package dev.watchword.query.security;

import java.sql.Array;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads every app's {@code cors_origins} from {@code client_app_row} into {@link AllowedOrigins}: once while the
 * context starts ({@link CorsConfiguration}), then every {@link CorsSettings#refreshInterval()}. All instances share
 * the consumer group, so each projects only some apps' events; the periodic read brings the others'.
 */
@Component
class AppOriginsRefresher {

    private static final Logger log = LoggerFactory.getLogger(AppOriginsRefresher.class);

    private final JdbcClient jdbc;
    private final AllowedOrigins origins;

    AppOriginsRefresher(JdbcClient jdbc, AllowedOrigins origins) {
        this.jdbc = jdbc;
        this.origins = origins;
    }

    @Scheduled(
            fixedDelayString = "${watchword.cors.refresh-interval:1m}",
            initialDelayString = "${watchword.cors.refresh-interval:1m}")
    void refresh() {
        try {
            load(jdbc, origins);
        } catch (DataAccessException e) {
            // The origins held stay in force until the database answers again.
            log.warn("Could not read the apps' CORS origins: {}", e.getMessage());
        }
    }

    static void load(JdbcClient jdbc, AllowedOrigins origins) {
        long changesBeforeRead = origins.changes();
        Map<String, List<String>> byApp = new HashMap<>();
        jdbc.sql("select app_id, cors_origins from client_app_row where cardinality(cors_origins) > 0")
                .query(row -> {
                    byApp.put(row.getString("app_id"), strings(row.getArray("cors_origins")));
                });
        origins.replaceAll(byApp, changesBeforeRead);
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
