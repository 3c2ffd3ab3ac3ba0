package dev.watchword.command.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Refresh (rotation) under load on command-service alone: 32 clients, each rotating its own session's refresh token
 * over HTTP as fast as answers come, against PostgreSQL and an in-JVM Kafka broker, with the tracking processors
 * (publisher, event chain) running in the same JVM. Reports refreshes per second, the service's CPU per refresh (the
 * process's CPU minus the client threads'), the rows and bytes each refresh adds per table, and a JFR recording of the
 * measured window ({@code target/benchmark-refresh-load.jfr}).
 *
 * <p>A benchmark, not a test: excluded from {@code ./mvnw verify}; run it with
 * {@code ./mvnw -pl command-service -am verify -Pbenchmark -Dit.test=RefreshLoadBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/postgres",
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "spring.datasource.hikari.schema=bench_refresh",
            "spring.flyway.schemas=bench_refresh",
            "spring.flyway.default-schema=bench_refresh",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "watchword.sealing-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            "watchword.rate-limits.enabled=false",
            "logging.level.root=WARN",
            "spring.datasource.hikari.data-source-properties.ApplicationName=" + RefreshLoadBenchmark.APPLICATION
        })
@EmbeddedKafka(partitions = 1, topics = "watchword.events")
class RefreshLoadBenchmark {

    static final String APPLICATION = "refresh-load-benchmark";
    private static final int CLIENTS = 32;
    private static final Duration IDLE = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(15);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final String PASSWORD = "lantern orbit pickle saga 42";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TARGET = Path.of(System.getProperty("basedir", "."), "target");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    EventProcessingConfiguration processing;

    private final HttpClient http = HttpClient.newBuilder()
            .executor(Executors.newFixedThreadPool(
                    4, Thread.ofPlatform().name("load-http-", 0).factory()))
            .build();

    @Test
    void refreshUnderLoad() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());
        // four at a time: the password hashing bulkhead answers 503 beyond two per core
        try (var seeding = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < CLIENTS; i++) {
                String email = "load-" + run + "-" + i + "@example.com";
                seeding.submit(() -> {
                    post("/api/auth/register/", Map.of("email", email, "password", PASSWORD));
                    tokens.add(post("/api/auth/login/", Map.of("email", email, "password", PASSWORD))
                            .get("refresh")
                            .asText());
                    return null;
                });
            }
        }
        assertThat(tokens).hasSize(CLIENTS);

        load(tokens, WARM_UP, null);
        Map<String, long[]> tablesBefore = tables();
        Recording recording = new Recording(Configuration.getConfiguration("profile"));
        recording.start();
        Result result = load(tokens, MEASURED, recording);
        recording.stop();
        Files.createDirectories(TARGET);
        recording.dump(TARGET.resolve("benchmark-refresh-load.jfr"));
        awaitProcessorsCaughtUp();
        Map<String, long[]> tablesAfter = tables();

        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "Refresh load on command-service alone: %d clients, %d s measured; %d cores%n",
                CLIENTS,
                MEASURED.toSeconds(),
                Runtime.getRuntime().availableProcessors()));
        out.append(String.format(
                Locale.ROOT,
                "refreshes %d (%d failed) = %.0f/s; latency p50 %.1f ms p99 %.1f ms; service CPU %.0f %% of a core"
                        + " = %.2f ms per refresh (client threads' CPU taken out)%n",
                result.ok(),
                result.failed(),
                result.ok() / (double) MEASURED.toSeconds(),
                result.percentile(50),
                result.percentile(99),
                result.serviceCpuNanos() / 1e7 / MEASURED.toSeconds(),
                result.serviceCpuNanos() / 1e6 / Math.max(1, result.ok())));
        out.append("per refresh, by table: rows inserted, updated, deleted, bytes (table + indexes + TOAST)\n");
        tablesAfter.forEach((table, after) -> {
            long[] before = tablesBefore.getOrDefault(table, new long[4]);
            double n = Math.max(1, result.ok());
            if (after[0] != before[0] || after[1] != before[1] || after[2] != before[2]) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %-24s %6.2f %6.2f %6.2f %8.0f%n",
                        table,
                        (after[0] - before[0]) / n,
                        (after[1] - before[1]) / n,
                        (after[2] - before[2]) / n,
                        (after[3] - before[3]) / n));
            }
        });
        out.append(idle());
        System.out.println(out);
        Files.writeString(TARGET.resolve("benchmark-refresh-load.txt"), out.toString());
    }

    /**
     * The cost of doing nothing: the service's CPU and that of its PostgreSQL backends (ticks from /proc) over
     * {@link #IDLE}, after the processors caught up, and the rows written meanwhile (token claims).
     */
    private String idle() throws Exception {
        Thread.sleep(15_000);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Long> backends = jdbc.sql("SELECT pid FROM pg_stat_activity WHERE application_name = ?")
                .param(APPLICATION)
                .query(Long.class)
                .list();
        Map<String, long[]> before = tables();
        long cpu = os.getProcessCpuTime();
        long ticks = ticks(backends);
        Thread.sleep(IDLE.toMillis());
        long pgTicks = ticks(backends) - ticks;
        long serviceCpu = os.getProcessCpuTime() - cpu;
        Map<String, long[]> after = tables();
        StringBuilder writes = new StringBuilder();
        after.forEach((table, rows) -> {
            long[] was = before.getOrDefault(table, new long[4]);
            long changed = rows[0] - was[0] + rows[1] - was[1] + rows[2] - was[2];
            if (changed > 0) {
                writes.append(' ').append(table).append('=').append(changed);
            }
        });
        return String.format(
                Locale.ROOT,
                "idle %d s: service %.2f %% of a core, its %d PostgreSQL backends %.2f %% of a core; rows written:%s%n",
                IDLE.toSeconds(),
                serviceCpu / 1e7 / IDLE.toSeconds(),
                backends.size(),
                pgTicks * 100.0 / 100 / IDLE.toSeconds(),
                writes);
    }

    /**
     * Waits until the rows the measured refreshes cause are all counted: every tracking processor (the publisher, the
     * event chain) has handled the events appended so far, and PostgreSQL's statistics show their writes. A backend
     * reports its counts up to 10 s after its last transaction (PGSTAT_IDLE_INTERVAL), so the counts must hold still
     * for longer than that. The token table is left out of that comparison: idle processors renew their claims in it
     * every few seconds, so its counts never hold still.
     */
    private void awaitProcessorsCaughtUp() {
        long head = eventStore.createHeadToken().position().orElseThrow();
        await("every tracking processor at the head of the event store")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> processing.eventProcessors().values().stream()
                        .filter(StreamingEventProcessor.class::isInstance)
                        .flatMap(
                                processor -> ((StreamingEventProcessor) processor).processingStatus().values().stream())
                        .map(EventTrackerStatus::getCurrentPosition)
                        .allMatch(position -> position.isPresent() && position.getAsLong() >= head));
        AtomicReference<Map<String, List<Long>>> previous = new AtomicReference<>();
        await("row counts unchanged for longer than PostgreSQL takes to report them")
                .atMost(Duration.ofMinutes(2))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(11))
                .until(() -> {
                    Map<String, List<Long>> counts = tables().entrySet().stream()
                            .filter(table -> !table.getKey().equals("tokenentry"))
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey,
                                    table -> Arrays.stream(table.getValue())
                                            .boxed()
                                            .toList()));
                    return counts.equals(previous.getAndSet(counts));
                });
    }

    /** CPU ticks (1/100 s) of the given processes, user and system. */
    private static long ticks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                String[] fields = Files.readString(Path.of("/proc", Long.toString(pid), "stat"))
                        .substring(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))
                                        .lastIndexOf(')')
                                + 2)
                        .split(" ");
                total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException | RuntimeException gone) {
                // a backend that ended meanwhile
            }
        }
        return total;
    }

    /** Every client rotates its own token for {@code duration}; the tokens list holds each client's latest. */
    private Result load(List<String> tokens, Duration duration, Recording recording) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong clientCpu = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        long cpuBefore = os.getProcessCpuTime();
        long httpCpuBefore = httpClientCpu(threads);
        for (int i = 0; i < CLIENTS; i++) {
            int client = i;
            Thread thread = Thread.ofPlatform().name("load-client-" + i).start(() -> {
                long cpuStart = threads.getCurrentThreadCpuTime();
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        JsonNode answer = post("/api/auth/token/refresh/", Map.of("refresh", tokens.get(client)));
                        tokens.set(client, answer.get("refresh").asText());
                        ok.incrementAndGet();
                        latencies.add(System.nanoTime() - start);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
                clientCpu.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
            });
            clients.add(thread);
        }
        Thread.sleep(duration.toMillis());
        running.set(false);
        for (Thread thread : clients) {
            thread.join();
        }
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long httpCpu = httpClientCpu(threads) - httpCpuBefore;
        return new Result(ok.get(), failed.get(), new ArrayList<>(latencies), cpu - clientCpu.get() - httpCpu);
    }

    /** The HTTP client's own threads (its selector and executor), whose CPU is the clients', not the service's. */
    private static long httpClientCpu(ThreadMXBean threads) {
        long total = 0;
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null
                    && (info.getThreadName().startsWith("load-http-")
                            || info.getThreadName().startsWith("HttpClient"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private JsonNode post(String path, Object body) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Per table of the schema: rows inserted, updated, deleted, and its size with indexes and TOAST. */
    private Map<String, long[]> tables() {
        Map<String, long[]> tables = new TreeMap<>();
        jdbc.sql("""
                        SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, pg_total_relation_size(relid) AS bytes
                        FROM pg_stat_user_tables WHERE schemaname = 'bench_refresh'""")
                .query((row, n) -> tables.put(row.getString("relname"), new long[] {
                    row.getLong("n_tup_ins"), row.getLong("n_tup_upd"), row.getLong("n_tup_del"), row.getLong("bytes")
                }))
                .list();
        return tables;
    }

    private record Result(long ok, long failed, List<Long> latencies, long serviceCpuNanos) {

        double percentile(int percent) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return 0;
            }
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return sorted.get(Math.max(rank, 1) - 1) / 1e6;
        }
    }
}
