package dev.watchword.devstack;

import static dev.watchword.devstack.EndToEndStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Do start and sign-in stay flat as the log grows? Runs the whole dev stack (benchmarked JVM setting, rate limits
 * off) on a fresh database, makes a small store of real traffic, times a restart and a fixed workload (password
 * logins, refreshes, profile reads, admin reads), then stops the services, grows every store of the log to
 * {@code growth.events} events (10 million by default) from copies of that real traffic, and times the same again.
 * <p>
 * How the stores grow: each copy of the real events gets new aggregate and event ids (an md5 of the old id and the
 * copy's number) and global indexes below the real ones (negative), so the older history sits where an old history
 * sits in every index, and no processor's token has to move. The same copy goes into every table a stored event
 * adds to: the event store and its snapshots, the hash chain (hashes of the right size that do not verify), the
 * data keys, and query-service's audit trail, processed-event markers, sessions, login activity and user rows. The
 * admin reads ask for the history from its very start ({@code after} below the lowest position) as well as for
 * one user's trail.
 * <p>
 * A benchmark, not a test: it asserts only that the store really grew and that every request succeeded. Run with
 * {@code ./mvnw -pl devstack verify -Pbenchmark} after the services are built; the report is printed and written to
 * {@code target/benchmark-growth.txt}. It needs about 30 GB of free disk at 10 million events.
 */
@Tag("benchmark")
class GrowthBenchmark {

    private static final long EVENTS = Long.getLong("growth.events", 10_000_000L);

    private static final int USERS = 40;

    private static final int REFRESHES_PER_LOGIN = 5;

    private static final int READS_PER_LOGIN = 5;

    private static final int ADMIN_READS = 40;

    private static final int STARTS = 3;

    /** Events copied by one INSERT: large enough to be quick, small enough to keep each transaction's WAL modest. */
    private static final long EVENTS_PER_STATEMENT = 250_000;

    private static final String OPERATOR = "growth-operator@example.com";

    private static final String PASSWORD = "growth-bench-Tr0ub4dor-9431";

    private static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");

    /** query-service tables that grow with the log or with its users, and their columns that identify a row. */
    private static final List<String> QUERY_TABLES = List.of(
            "audit_entry",
            "processed_event",
            "login_activity",
            "user_session",
            "admin_user_row",
            "user_profile",
            "user_app",
            "authorization_version",
            "daily_active_user");

    private final StringBuilder report = new StringBuilder();

    @Test
    void startAndSignInStayFlatAsTheLogGrows() throws Exception {
        Map<String, String> environment = Map.of(
                "WATCHWORD_BOOTSTRAP_ADMIN_EMAIL", OPERATOR,
                "WATCHWORD_DEV_JAVA_OPTS", "-Xms64m -Xmx512m",
                "WATCHWORD_RATELIMITS_ENABLED", "false");
        try (EndToEndStack stack = EndToEndStack.start("watchword_growth_", environment)) {
            String jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/" + stack.databaseName();
            stack.platformOperatorToken(OPERATOR, PASSWORD);
            List<String> users = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String email = "growth-" + i + "-" + UUID.randomUUID() + "@example.com";
                stack.registerVerified(email, PASSWORD);
                users.add(email);
            }
            // the real traffic the copies are made of: the same workload as measured, twice
            workload(stack, users);
            workload(stack, users);

            line("Growth benchmark: %d users of real traffic, then the log grown to %,d events", USERS, EVENTS);
            line("");
            Phase small = measure(stack, users, jdbcUrl, "small store");

            stack.stop();
            long fillStarted = System.nanoTime();
            long copies = grow(jdbcUrl);
            double fillSeconds = (System.nanoTime() - fillStarted) / 1e9;
            line(
                    "grew the stores with %,d copies of the real traffic in %.0f s (VACUUM ANALYZE included)",
                    copies, fillSeconds);
            line("");

            Phase large = measure(stack, users, jdbcUrl, "grown store");
            assertThat(large.events()).isGreaterThanOrEqualTo(EVENTS);

            line("%-34s %14s %14s %7s", "", "small", "grown", "ratio");
            for (Map.Entry<String, Double> figure : small.figures().entrySet()) {
                double grown = large.figures().get(figure.getKey());
                line("%-34s %14.1f %14.1f %7.2f", figure.getKey(), figure.getValue(), grown, grown / figure.getValue());
            }
        } finally {
            String text = report.toString();
            System.out.println(text);
            Path out = Path.of(System.getProperty("basedir", "."), "target", "benchmark-growth.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, text);
        }
    }

    /** {@link #STARTS} starts timed, the workload once to warm up and once measured, and the stores' sizes. */
    private Phase measure(EndToEndStack stack, List<String> users, String jdbcUrl, String label) throws Exception {
        // timed from a stopped stack (stopping one already stopped does nothing), schema and data present; the
        // median of STARTS, as one start on two cores swings by several seconds
        line("== %s", label);
        Map<String, Double> figures = new LinkedHashMap<>();
        List<Double> starts = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            stack.stop();
            long startBegan = System.nanoTime();
            stack.startAgain();
            starts.add((System.nanoTime() - startBegan) / 1e9);
        }
        line(
                "starts, all services ready (s): %s",
                starts.stream()
                        .map(seconds -> String.format(Locale.ROOT, "%.1f", seconds))
                        .toList());
        figures.put(
                "start, all services ready (s)",
                starts.stream().sorted().toList().get(STARTS / 2));
        for (Map.Entry<String, Double> started : startedSeconds(stack).entrySet()) {
            figures.put("  " + started.getKey() + " started (s)", started.getValue());
        }
        workload(stack, users);
        Timings timings = workload(stack, users);
        timings.into(figures);

        long events;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            events = single(connection, "SELECT count(*) FROM command.domainevententry");
            line("events in the store: %,d", events);
            line("sizes (table with its indexes and TOAST):");
            try (Statement statement = connection.createStatement();
                    ResultSet sizes = statement.executeQuery("""
                            SELECT n.nspname || '.' || c.relname, pg_total_relation_size(c.oid),
                                   c.reltuples::bigint
                            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                            WHERE c.relkind = 'r' AND n.nspname IN ('command', 'query', 'notification')
                              AND pg_total_relation_size(c.oid) > 1048576
                            ORDER BY 2 DESC""")) {
                while (sizes.next()) {
                    line(
                            "  %-40s %,10d MiB  (~%,d rows)",
                            sizes.getString(1), sizes.getLong(2) >> 20, Math.max(0, sizes.getLong(3)));
                }
            }
        }
        figures.forEach((name, value) -> line("  %-34s %10.1f", name, value));
        line("");
        return new Phase(events, figures);
    }

    /**
     * One round for every user: a password login, refreshes in a chain, profile reads; then the admin reads. Every
     * answer must be a success, so that the figures are of work done.
     */
    private static Timings workload(EndToEndStack stack, List<String> users) throws Exception {
        Timings timings = new Timings();
        String firstUserId = null;
        for (String email : users) {
            long began = System.nanoTime();
            HttpResponse<String> login = stack.post("/api/auth/login/", json("email", email, "password", PASSWORD));
            timings.login.add(System.nanoTime() - began);
            assertThat(login.statusCode()).as("login: %s", login.body()).isEqualTo(200);
            String access = JsonPath.read(login.body(), "$.access");
            String refresh = JsonPath.read(login.body(), "$.refresh");
            if (firstUserId == null) {
                firstUserId = JsonPath.read(EndToEndStack.claims(access), "$.sub");
            }
            for (int i = 0; i < READS_PER_LOGIN; i++) {
                began = System.nanoTime();
                HttpResponse<String> me = stack.get("/api/users/me/", access);
                timings.me.add(System.nanoTime() - began);
                assertThat(me.statusCode()).as("profile: %s", me.body()).isEqualTo(200);
            }
            for (int i = 0; i < REFRESHES_PER_LOGIN; i++) {
                began = System.nanoTime();
                HttpResponse<String> refreshed = stack.post("/api/auth/token/refresh/", json("refresh", refresh));
                timings.refresh.add(System.nanoTime() - began);
                assertThat(refreshed.statusCode())
                        .as("refresh: %s", refreshed.body())
                        .isEqualTo(200);
                refresh = JsonPath.read(refreshed.body(), "$.refresh");
            }
        }
        String operator = operatorToken(stack);
        String fromTheStart = "/api/admin/audit/?limit=50&after=" + Long.MIN_VALUE;
        String oneUser =
                "/api/admin/audit/?limit=50&aggregate=" + URLEncoder.encode(firstUserId, StandardCharsets.UTF_8);
        for (int i = 0; i < ADMIN_READS; i++) {
            timings.auditFromStart.add(timedGet(stack, fromTheStart, operator));
            timings.auditOfOneUser.add(timedGet(stack, oneUser, operator));
            timings.userList.add(timedGet(stack, "/api/admin/users/?limit=50", operator));
        }
        return timings;
    }

    private static String operatorToken(EndToEndStack stack) throws Exception {
        HttpResponse<String> login = stack.post("/api/auth/login/", json("email", OPERATOR, "password", PASSWORD));
        assertThat(login.statusCode()).as("operator login: %s", login.body()).isEqualTo(200);
        return JsonPath.read(login.body(), "$.access");
    }

    private static long timedGet(EndToEndStack stack, String path, String bearer) throws Exception {
        long began = System.nanoTime();
        HttpResponse<String> response = stack.get(path, bearer);
        long took = System.nanoTime() - began;
        assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
        return took;
    }

    /**
     * Copies the real traffic until the event store holds {@link #EVENTS} events; returns the number of copies. Copy
     * {@code c} of an event at global index {@code g} lands at {@code g - c * stride - 1}, below every real event.
     */
    private long grow(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            long real = single(connection, "SELECT count(*) FROM command.domainevententry");
            long stride = single(connection, "SELECT max(globalindex) FROM command.domainevententry");
            long copies = Math.max(1, Math.ceilDiv(EVENTS - real, real));
            long copiesPerStatement = Math.max(1, EVENTS_PER_STATEMENT / real);
            statement.execute("CREATE TEMP TABLE template_event AS SELECT * FROM command.domainevententry");
            statement.execute("CREATE TEMP TABLE template_snapshot AS SELECT * FROM command.snapshotevententry");
            statement.execute("CREATE TEMP TABLE template_key AS SELECT * FROM command.personal_data_key");
            for (String table : QUERY_TABLES) {
                statement.execute("CREATE TEMP TABLE template_" + table + " AS SELECT * FROM query." + table);
            }
            for (long first = 1; first <= copies; first += copiesPerStatement) {
                long last = Math.min(copies, first + copiesPerStatement - 1);
                String series = "generate_series(" + first + ", " + last + ") AS c";
                statement.execute(
                        """
                        WITH copied AS (
                          INSERT INTO command.domainevententry (globalindex, aggregateidentifier, sequencenumber,
                              type, eventidentifier, metadata, payload, payloadrevision, payloadtype, "timestamp")
                          SELECT e.globalindex - c * %1$d - 1, %2$s, e.sequencenumber, e.type, %3$s, e.metadata,
                                 e.payload, e.payloadrevision, e.payloadtype, e."timestamp"
                          FROM %4$s, template_event e
                          RETURNING globalindex, eventidentifier)
                        INSERT INTO command.event_chain (global_index, event_identifier, chain_hash)
                        SELECT globalindex, eventidentifier, sha256(convert_to(eventidentifier, 'UTF8')) FROM copied""".formatted(stride, renamed("e.aggregateidentifier"), renamed("e.eventidentifier"), series));
                statement.execute(
                        """
                        INSERT INTO command.snapshotevententry (aggregateidentifier, sequencenumber, type,
                            eventidentifier, metadata, payload, payloadrevision, payloadtype, "timestamp")
                        SELECT %1$s, s.sequencenumber, s.type, %2$s, s.metadata, s.payload, s.payloadrevision,
                               s.payloadtype, s."timestamp"
                        FROM %3$s, template_snapshot s""".formatted(renamed("s.aggregateidentifier"), renamed("s.eventidentifier"), series));
                statement.execute("""
                        INSERT INTO command.personal_data_key (user_id, sealed_key, created_at, destroyed_at)
                        SELECT %1$s, k.sealed_key, k.created_at, k.destroyed_at FROM %2$s, template_key k""".formatted(renamed("k.user_id"), series));
                for (String table : QUERY_TABLES) {
                    statement.execute(copyOfQueryRows(connection, table, stride, series));
                }
            }
            statement.execute("VACUUM ANALYZE command.domainevententry, command.event_chain, "
                    + "command.snapshotevententry, command.personal_data_key, "
                    + QUERY_TABLES.stream().map(table -> "query." + table).collect(Collectors.joining(", ")));
            return copies;
        }
    }

    /**
     * {@code INSERT ... SELECT} of copies of a query-service table's template rows: every identifying column
     * renamed for the copy, the audit position moved as the event's global index was, every other column as it is.
     */
    private static String copyOfQueryRows(Connection connection, String table, long stride, String series)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getColumns(null, "query", table, null)) {
            while (rows.next()) {
                columns.add(rows.getString("COLUMN_NAME"));
            }
        }
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            String source = "t." + column;
            values.add(
                    switch (column) {
                        case "event_id", "user_id", "session_id", "aggregate_id" -> renamed(source);
                        case "email" -> "'copy' || c || '-' || " + source;
                        case "position" -> source + " - c * " + stride + " - 1";
                        default -> source;
                    });
        }
        return "INSERT INTO query.%s (%s) SELECT %s FROM %s, template_%s t"
                .formatted(table, String.join(", ", columns), String.join(", ", values), series, table);
    }

    /** The id of copy {@code c} of an id: a UUID made from both, so that copies never collide. */
    private static String renamed(String column) {
        return "CASE WHEN " + column + " IS NULL THEN NULL ELSE md5(" + column + " || ':' || c)::uuid::text END";
    }

    /** Each service's own "Started ... in N seconds" from its log of the latest start. */
    private static Map<String, Double> startedSeconds(EndToEndStack stack) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String module : List.of("command-service", "query-service", "notification-service", "gateway")) {
            Path log = stack.logDirectory().resolve(module + ".log");
            if (Files.isRegularFile(log)) {
                Matcher started = STARTED.matcher(Files.readString(log));
                while (started.find()) {
                    seconds.put(module, Double.parseDouble(started.group(1)));
                }
            }
        }
        return seconds;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void line(String format, Object... arguments) {
        report.append(String.format(Locale.ROOT, format, arguments)).append('\n');
    }

    private record Phase(long events, Map<String, Double> figures) {}

    /** Latencies of one workload, in nanoseconds, by kind of request. */
    private static final class Timings {

        final List<Long> login = new ArrayList<>();

        final List<Long> refresh = new ArrayList<>();

        final List<Long> me = new ArrayList<>();

        final List<Long> auditFromStart = new ArrayList<>();

        final List<Long> auditOfOneUser = new ArrayList<>();

        final List<Long> userList = new ArrayList<>();

        void into(Map<String, Double> figures) {
            percentiles(figures, "password login", login);
            percentiles(figures, "refresh", refresh);
            percentiles(figures, "profile read", me);
            percentiles(figures, "audit trail from its start", auditFromStart);
            percentiles(figures, "audit trail of one user", auditOfOneUser);
            percentiles(figures, "admin user list", userList);
        }

        private static void percentiles(Map<String, Double> figures, String name, List<Long> nanos) {
            List<Long> sorted = nanos.stream().sorted().toList();
            figures.put(name + " p50 (ms)", sorted.get(sorted.size() / 2) / 1e6);
            figures.put(name + " p99 (ms)", sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6);
        }
    }
}
