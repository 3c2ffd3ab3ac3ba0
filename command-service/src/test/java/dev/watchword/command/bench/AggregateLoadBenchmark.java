package dev.watchword.command.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.command.onetimesecret.OneTimeSecrets;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.password.PasswordHasher;
import dev.watchword.command.publishing.KafkaEventPublisher;
import dev.watchword.command.user.LoginOutcome;
import dev.watchword.command.user.PasswordLoginCommand.Login;
import dev.watchword.command.user.RegistrationCommand.RegisterUser;
import dev.watchword.command.user.SessionCommand.RefreshSession;
import dev.watchword.command.user.User;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Does a user with 10,000 events still load fast? Builds one user whose aggregate holds 10,000 events (a
 * registration, a login and refresh-token rotations) through the real command bus, PostgreSQL event store and
 * Kafka publisher, then times one {@link RefreshSession} with the aggregate cached, loaded from its latest
 * snapshot, and replayed from all of its events.
 *
 * <p>A benchmark, not a test: it asserts no timing, only that the aggregate really is that long. Excluded from
 * {@code ./mvnw verify}; run it with {@code ./mvnw -pl command-service verify -Pbenchmark}. The table goes to
 * stdout and to {@code target/benchmark-aggregate-load.txt}.
 */
@Tag("benchmark")
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/postgres",
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "spring.datasource.hikari.schema=bench_command",
            "spring.flyway.schemas=bench_command",
            "spring.flyway.default-schema=bench_command",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "watchword.sealing-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
        })
@EmbeddedKafka(partitions = 1, topics = "watchword.events")
class AggregateLoadBenchmark {

    private static final int EVENTS = 10_000;
    private static final int WARM_UP = 50;
    private static final int REPETITIONS = 30;
    /** Each of these replays all events and is followed by a snapshot that replays them again. */
    private static final int REPLAY_REPETITIONS = 10;

    private static final String PASSWORD = "lantern orbit pickle saga 42";
    private static final Path REPORT =
            Path.of(System.getProperty("basedir", "."), "target", "benchmark-aggregate-load.txt");

    @Autowired
    CommandGateway commands;

    @Autowired
    PasswordHasher passwords;

    @Autowired
    OneTimeSecrets secrets;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    Snapshotter snapshotter;

    @Autowired
    Configuration axon;

    @Autowired
    @Qualifier("userCache")
    Cache userCache;

    @Value("${watchword.snapshots.threshold:100}")
    int snapshotThreshold;

    private String userId;
    private OpaqueToken refreshToken;

    @Test
    void userWithTenThousandEventsLoads() throws IOException {
        double loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

        // given a user whose aggregate holds EVENTS events
        userId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        commands.sendAndWait(new RegisterUser(
                userId,
                "bench-" + userId + "@example.com",
                passwords.hash(PASSWORD),
                secrets.issueFor(userId, now, Duration.ofHours(24)),
                now,
                "default"));
        refreshToken = OpaqueToken.issueFor(userId);
        LoginOutcome login = commands.sendAndWait(new Login(
                userId,
                PASSWORD,
                UUID.randomUUID().toString(),
                refreshToken.hash(),
                "127.0.0.1",
                "AggregateLoadBenchmark",
                clock.instant()));
        assertThat(login).isInstanceOf(LoginOutcome.Granted.class);
        int rotations = EVENTS - (int) storedEvents();
        long buildStart = System.nanoTime();
        for (int i = 0; i < rotations; i++) {
            refresh();
        }
        long buildNanos = System.nanoTime() - buildStart;
        assertThat(storedEvents()).isEqualTo(EVENTS);
        long publishStart = System.nanoTime();
        awaitPublisherCaughtUp();
        long publishLagNanos = System.nanoTime() - publishStart;

        // when
        for (int i = 0; i < WARM_UP; i++) {
            refresh();
        }

        Timings warm = new Timings("warm (aggregate in userCache)");
        int cacheHits = 0;
        for (int i = 0; i < REPETITIONS; i++) {
            cacheHits += userCache.containsKey(userId) ? 1 : 0;
            warm.add(refresh());
        }

        Timings fromSnapshot = new Timings("cold, latest snapshot + events after it");
        List<Long> eventsAfterSnapshot = new ArrayList<>();
        userCache.removeAll();
        refresh();
        for (int i = 0; i < REPETITIONS; i++) {
            userCache.removeAll();
            eventsAfterSnapshot.add(lastSequence() - lastSnapshotSequence());
            fromSnapshot.add(refresh());
        }

        Timings fullReplay = new Timings("cold, no snapshot: replay all events");
        // the warm-up round below replays lastSequence() + 1 events and adds one
        long replayedFrom = lastSequence() + 2;
        for (int i = 0; i <= REPLAY_REPETITIONS; i++) {
            awaitSnapshotOfLatestEvent();
            jdbc.sql("DELETE FROM snapshotevententry WHERE aggregateidentifier = ?")
                    .param(userId)
                    .update();
            userCache.removeAll();
            long nanos = refresh();
            if (i > 0) {
                // the first round only warms up the replay code path
                fullReplay.add(nanos);
            }
        }
        long replayedTo = lastSequence();
        awaitSnapshotOfLatestEvent();

        // then
        assertThat(warm.count()).isEqualTo(REPETITIONS);
        assertThat(fullReplay.count()).isEqualTo(REPLAY_REPETITIONS);
        String report = report(
                loadAtStart,
                rotations,
                buildNanos,
                publishLagNanos,
                warm,
                cacheHits,
                fromSnapshot,
                eventsAfterSnapshot,
                fullReplay,
                replayedFrom,
                replayedTo);
        System.out.println(report);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report);
    }

    /** Rotates the refresh token once and returns how long the command took, in nanoseconds. */
    private long refresh() {
        OpaqueToken next = OpaqueToken.issueFor(userId);
        long start = System.nanoTime();
        commands.sendAndWait(new RefreshSession(userId, refreshToken.hash(), next.hash(), clock.instant()));
        long nanos = System.nanoTime() - start;
        refreshToken = next;
        return nanos;
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(userId)
                .query(Long.class)
                .single();
    }

    private long lastSequence() {
        return jdbc.sql("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(userId)
                .query(Long.class)
                .single();
    }

    private long lastSnapshotSequence() {
        return jdbc.sql("""
                        SELECT coalesce(max(sequencenumber), -1) FROM snapshotevententry
                        WHERE aggregateidentifier = ?""").param(userId).query(Long.class).single();
    }

    /**
     * The snapshotter runs its tasks one after another on a thread of its own. Scheduling one more and waiting
     * until it has snapshotted the last event means that no task still queued from before can store a snapshot
     * after the next round deleted them.
     */
    private void awaitSnapshotOfLatestEvent() {
        snapshotter.scheduleSnapshot(User.class, userId);
        await().atMost(Duration.ofMinutes(2)).until(() -> lastSnapshotSequence() == lastSequence());
    }

    /** So that publishing 10,000 events to Kafka does not compete with the measured commands for the CPU. */
    private void awaitPublisherCaughtUp() {
        StreamingEventProcessor publisher = axon.eventProcessingConfiguration()
                .eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        long head = eventStore.createHeadToken().position().orElseThrow();
        await().atMost(Duration.ofMinutes(5))
                .until(() -> publisher.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition)
                        .allMatch(position -> position.isPresent() && position.getAsLong() >= head));
    }

    private String report(
            double loadAtStart,
            int rotations,
            long buildNanos,
            long publishLagNanos,
            Timings warm,
            int cacheHits,
            Timings fromSnapshot,
            List<Long> eventsAfterSnapshot,
            Timings fullReplay,
            long replayedFrom,
            long replayedTo) {
        double buildSeconds = buildNanos / 1e9;
        StringBuilder out = new StringBuilder();
        out.append("Aggregate load benchmark: one User with ")
                .append(EVENTS)
                .append(" events, timed per RefreshSession command (CommandGateway.sendAndWait)\n");
        out.append(String.format(
                Locale.ROOT,
                "machine: %d cores, load average %.2f at start, Java %s; " + "snapshot threshold %d events%n",
                Runtime.getRuntime().availableProcessors(),
                loadAtStart,
                Runtime.version(),
                snapshotThreshold));
        out.append(String.format(
                Locale.ROOT,
                "build: %d RefreshSession commands in %.1f s = %.0f events/s "
                        + "(sequential, one caller); Kafka publisher caught up %.1f s later%n",
                rotations,
                buildSeconds,
                rotations / buildSeconds,
                publishLagNanos / 1e9));
        out.append('\n').append(Timings.header()).append('\n');
        out.append(warm.row()).append('\n');
        out.append(fromSnapshot.row()).append('\n');
        out.append(fullReplay.row()).append('\n');
        out.append('\n');
        out.append(String.format(
                Locale.ROOT, "warm: aggregate found in userCache before %d of %d commands%n", cacheHits, warm.count()));
        out.append(String.format(
                Locale.ROOT,
                "cold with snapshot: %d to %d events replayed after the snapshot%n",
                eventsAfterSnapshot.stream().mapToLong(Long::longValue).min().orElse(0),
                eventsAfterSnapshot.stream().mapToLong(Long::longValue).max().orElse(0)));
        out.append(String.format(
                Locale.ROOT, "cold without snapshot: all %d to %d events replayed%n", replayedFrom, replayedTo));
        out.append("Every time includes appending the new event to PostgreSQL and committing; p95 by nearest rank.\n");
        return out.toString();
    }
}
