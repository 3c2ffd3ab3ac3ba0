package dev.watchword.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * How long does rebuilding one read model from 1,000,000 events take? Fills {@code audit_entry} with a million
 * events of 100,000 users (registration, verification request and verification, a session with two logins, two
 * refresh-token rotations and a failed login, then a logout: ten events each, in the order users interleave), then
 * replays {@code admin_user_row} and {@code user_session} through the real {@link Replayer} into their shadows
 * and switches each in.
 *
 * <p>A benchmark, not a test: it asserts no timing, only that every event was applied and the rows are there.
 * Excluded from {@code ./mvnw verify}; run it with {@code ./mvnw -pl query-service -am verify -Pbenchmark}. The
 * table goes to stdout and to {@code target/benchmark-replay.txt}.
 */
@Tag("benchmark")
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/postgres",
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "spring.datasource.hikari.schema=bench_query",
            "spring.flyway.schemas=bench_query",
            "spring.flyway.default-schema=bench_query",
            "watchword.events.signing-key=c2lnbmluZy1rZXktb2YtdGhlLWV2ZW50LXRlc3RzLTM=",
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"
        })
@EmbeddedKafka(partitions = 1, topics = "watchword.events")
class ReplayBenchmark {

    private static final int USERS = 100_000;
    private static final int EVENTS_PER_USER = 10;
    private static final long EVENTS = (long) USERS * EVENTS_PER_USER;
    private static final Path REPORT = Path.of(System.getProperty("basedir", "."), "target", "benchmark-replay.txt");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Replayer replayer;

    @Autowired
    ReplayTargets targets;

    @Autowired
    Replays replays;

    @Test
    void replayOneMillionEvents() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("Replay of one read model from " + String.format(Locale.ROOT, "%,d", EVENTS) + " events ("
                + USERS + " users x " + EVENTS_PER_USER + "), "
                + Runtime.getRuntime().availableProcessors()
                + " cores, JDK " + System.getProperty("java.version") + ", "
                + jdbc.sql("select version()").query(String.class).single().split(",")[0]);
        long fill = System.nanoTime();
        fillLog();
        report.add(String.format(
                Locale.ROOT,
                "filling audit_entry (SQL, not measured as replay): %.1f s",
                (System.nanoTime() - fill) / 1e9));
        report.add("");
        report.add("read model       rows     statements  building (s)  events/s   switch-over (s)  paused (ms)");
        report.add(replay("admin_user_row", "admin_user_row", 4L * USERS));
        report.add(replay("user_session", "user_session", 6L * USERS));
        report.forEach(System.out::println);
        Files.createDirectories(REPORT.getParent());
        Files.write(REPORT, report);
    }

    private String replay(String name, String table, long statements) {
        jdbc.sql("truncate " + table).update();
        ReplayTarget target = targets.byName(name).orElseThrow();
        long start = System.nanoTime();
        Replay started = replayer.start(target, "benchmark");
        Replay caughtUp = await().atMost(Duration.ofHours(2))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> replays.getReplayById(started.replayId()).orElseThrow(),
                        replay -> replay.status() == ReplayStatus.CAUGHT_UP
                                || replay.status().finished());
        long building = System.nanoTime() - start;
        assertThat(caughtUp.status()).isEqualTo(ReplayStatus.CAUGHT_UP);
        assertThat(caughtUp.eventsApplied()).isEqualTo(EVENTS);

        long switchStart = System.nanoTime();
        assertThat(replays.request(started.replayId(), "switch")).isTrue();
        Replay switched = await().atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> replays.getReplayById(started.replayId()).orElseThrow(),
                        replay -> replay.status().finished());
        long switching = System.nanoTime() - switchStart;
        assertThat(switched.status()).isEqualTo(ReplayStatus.SWITCHED);
        long rows = jdbc.sql("select count(*) from " + table).query(Long.class).single();
        assertThat(rows).isEqualTo(USERS);
        return String.format(
                Locale.ROOT,
                "%-15s %,8d %,13d %12.1f %,10.0f %15.1f %12d",
                name,
                rows,
                statements,
                building / 1e9,
                EVENTS / (building / 1e9),
                switching / 1e9,
                switched.pauseMillis());
    }

    /**
     * A million events as query-service records them: user u's k-th event at position k * USERS + u + 1, so the
     * users interleave and each user's events are in order; one second apart from 2026-01-01.
     */
    private void fillLog() {
        jdbc.sql("truncate audit_entry, processed_event, replay").update();
        jdbc.sql("""
                insert into audit_entry (event_id, position, type, aggregate_id, sequence_number, occurred_at, actor,
                                         ip_address, payload)
                select gen_random_uuid()::text, p, t.type, uid, k, at, uid, '203.0.113.7', t.payload
                from (select k, u, k * %1$d + u + 1 as p,
                             'bench-user-' || u as uid, 'bench-session-' || u as sid,
                             timestamptz '2026-01-01 00:00:00+00' + (k * %1$d + u) * interval '1 second' as at
                      from generate_series(0, %2$d) k, generate_series(0, %3$d) u) e,
                lateral (select case k
                    when 0 then 'UserRegistered' when 1 then 'EmailVerificationRequested' when 2 then 'EmailVerified'
                    when 3 then 'SessionStarted' when 4 then 'LoginSucceeded' when 5 then 'RefreshTokenRotated'
                    when 6 then 'RefreshTokenRotated' when 7 then 'LoginFailed' when 8 then 'LoginSucceeded'
                    else 'SessionRevoked' end as type,
                  case k
                    when 0 then jsonb_build_object('userId', uid, 'email', uid || '@example.com',
                        'passwordHash', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA',
                        'registeredAt', at)
                    when 1 then jsonb_build_object('userId', uid, 'email', uid || '@example.com', 'tokenHash', md5(uid),
                        'encryptedToken', md5(sid), 'requestedAt', at, 'expiresAt', at + interval '1 day')
                    when 2 then jsonb_build_object('userId', uid, 'email', uid || '@example.com', 'verifiedAt', at)
                    when 3 then jsonb_build_object('userId', uid, 'sessionId', sid, 'refreshTokenHash', md5(sid),
                        'ipAddress', '203.0.113.7', 'userAgent', 'Mozilla/5.0 (bench)', 'startedAt', at,
                        'expiresAt', at + interval '1 day')
                    when 4 then jsonb_build_object('userId', uid, 'sessionId', sid, 'ipAddress', '203.0.113.7',
                        'userAgent', 'Mozilla/5.0 (bench)', 'succeededAt', at, 'method', 'PASSWORD')
                    when 5 then jsonb_build_object('userId', uid, 'sessionId', sid, 'previousTokenHash', md5(sid),
                        'refreshTokenHash', md5(sid || '1'), 'rotatedAt', at, 'expiresAt', at + interval '1 day')
                    when 6 then jsonb_build_object('userId', uid, 'sessionId', sid,
                        'previousTokenHash', md5(sid || '1'), 'refreshTokenHash', md5(sid || '2'), 'rotatedAt', at,
                        'expiresAt', at + interval '1 day')
                    when 7 then jsonb_build_object('userId', uid, 'reason', 'WRONG_PASSWORD',
                        'ipAddress', '198.51.100.2', 'userAgent', 'curl', 'failedAt', at)
                    when 8 then jsonb_build_object('userId', uid, 'sessionId', sid, 'ipAddress', '203.0.113.7',
                        'userAgent', 'Mozilla/5.0 (bench)', 'succeededAt', at, 'method', 'PASSWORD')
                    else jsonb_build_object('userId', uid, 'sessionId', sid, 'reason', 'LOGOUT', 'revokedAt', at,
                        'accessTokensExpireBy', at + interval '5 minutes')
                  end as payload) t""".formatted(USERS, EVENTS_PER_USER - 1, USERS - 1)).update();
        jdbc.sql("vacuum analyze audit_entry").update();
        assertThat(jdbc.sql("select count(*) from audit_entry")
                        .query(Long.class)
                        .single())
                .isEqualTo(EVENTS);
        System.out.println("JVM: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
