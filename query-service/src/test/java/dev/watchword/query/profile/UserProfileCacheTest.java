package dev.watchword.query.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.watchword.query.eventstream.ReadModelSwitched;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class UserProfileCacheTest {

    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Instant CREATED_AT = Instant.parse("2026-11-25T10:15:30Z");

    private final FakeTable table = new FakeTable();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final UserProfileCache cache = new UserProfileCache(table, TTL, 1_000, ticker);

    @Test
    void getUserProfileByIdWhenReadBeforeThenServedWithoutTable() {
        // given
        UserProfile alice = profile("alice", "alice@example.com");
        table.put(alice);
        cache.getUserProfileById("alice");

        // when
        Optional<UserProfile> served = cache.getUserProfileById("alice");

        // then
        assertThat(served).hasValue(alice);
        assertThat(table.reads).containsExactly("alice");
    }

    @Test
    void getUserProfileByIdWhenNoRowThenEmptyAndNotRemembered() {
        // given
        assertThat(cache.getUserProfileById("alice")).isEmpty();
        UserProfile alice = profile("alice", "alice@example.com");
        table.put(alice);

        // when
        Optional<UserProfile> served = cache.getUserProfileById("alice");

        // then
        assertThat(served).hasValue(alice);
        assertThat(table.reads).containsExactly("alice", "alice");
    }

    @Test
    void readModelSwitchedWhenProfilesReplayedThenNextReadFromTheNewTable() {
        // given a profile held from the old table, and the rebuilt table holding another row for the user
        table.put(profile("alice", "alice@example.com"));
        cache.getUserProfileById("alice");
        UserProfile rebuilt = profile("alice", "alice@example.org");
        table.put(rebuilt);

        // when a replay swaps the table in (and, for another read model, nothing happens)
        cache.on(new ReadModelSwitched("admin_user_row", List.of("admin_user_row")));
        assertThat(cache.cached("alice")).isPresent();
        cache.on(new ReadModelSwitched("user_profile", List.of("user_profile")));

        // then
        assertThat(cache.cached("alice")).isEmpty();
        assertThat(cache.getUserProfileById("alice")).hasValue(rebuilt);
    }

    @Test
    void committedWhenCachedThenCommittedRowServedWithoutTable() {
        // given
        table.put(profile("alice", "alice@example.com"));
        cache.getUserProfileById("alice");
        UserProfile changed = profile("alice", "alice@example.org");

        // when
        cache.committed("alice", Optional.of(changed));

        // then
        assertThat(cache.getUserProfileById("alice")).hasValue(changed);
        assertThat(table.reads).containsExactly("alice");
    }

    @Test
    void committedWhenRowUnknownThenEntryDroppedAndTableReadAgain() {
        // given
        table.put(profile("alice", "alice@example.com"));
        cache.getUserProfileById("alice");
        UserProfile changed = profile("alice", "alice@example.org");
        table.put(changed);

        // when
        cache.committed("alice", Optional.empty());

        // then
        assertThat(cache.cached("alice")).isEmpty();
        assertThat(cache.getUserProfileById("alice")).hasValue(changed);
        assertThat(table.reads).containsExactly("alice", "alice");
    }

    @Test
    void committedWhenNotCachedThenNothingHeld() {
        // when
        cache.committed("alice", Optional.of(profile("alice", "alice@example.com")));

        // then
        assertThat(cache.cached("alice")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void getUserProfileByIdWhenChangeCommitsDuringLoadThenLoadedRowNotKept() {
        // given: the load reads the old row, then the change commits before the load installs it
        UserProfile old = profile("alice", "alice@example.com");
        UserProfile changed = profile("alice", "alice@example.org");
        table.put(old);
        table.duringNextRead = () -> {
            table.put(changed);
            cache.committed("alice", Optional.of(changed));
        };

        // when
        Optional<UserProfile> raced = cache.getUserProfileById("alice");

        // then: that one read may show the state it read, later reads never do
        assertThat(raced).hasValue(old);
        assertThat(cache.cached("alice")).isEmpty();
        assertThat(cache.getUserProfileById("alice")).hasValue(changed);
    }

    @Test
    void getUserProfileByIdWhenEvictionCommitsDuringLoadThenLoadedRowNotKept() {
        // given
        UserProfile old = profile("alice", "alice@example.com");
        UserProfile changed = profile("alice", "alice@example.org");
        table.put(old);
        table.duringNextRead = () -> {
            table.put(changed);
            cache.committed("alice", Optional.empty());
        };

        // when
        cache.getUserProfileById("alice");

        // then
        assertThat(cache.getUserProfileById("alice")).hasValue(changed);
    }

    @Test
    void getUserProfileByIdWhenLoadedBeforeTtlThenServedFromMemory() {
        // given
        table.put(profile("alice", "alice@example.com"));
        cache.getUserProfileById("alice");
        table.put(profile("alice", "changed-by-another-instance@example.com"));

        // when
        nanos.addAndGet(TTL.minusMillis(1).toNanos());

        // then
        assertThat(cache.getUserProfileById("alice"))
                .get()
                .extracting(UserProfile::email)
                .isEqualTo("alice@example.com");
    }

    @Test
    void getUserProfileByIdWhenTtlPassedThenTableReadAgain() {
        // given: another instance projected a change this one never hears of
        table.put(profile("alice", "alice@example.com"));
        cache.getUserProfileById("alice");
        UserProfile changed = profile("alice", "changed-by-another-instance@example.com");
        table.put(changed);

        // when
        nanos.addAndGet(TTL.toNanos());

        // then
        assertThat(cache.getUserProfileById("alice")).hasValue(changed);
        assertThat(table.reads).containsExactly("alice", "alice");
    }

    @Test
    void committedWhenReplacedThenTtlCountsFromReplacement() {
        // given
        table.put(profile("alice", "alice@example.com"));
        cache.getUserProfileById("alice");
        nanos.addAndGet(TTL.minusSeconds(1).toNanos());
        UserProfile changed = profile("alice", "alice@example.org");

        // when
        cache.committed("alice", Optional.of(changed));
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        // then
        assertThat(cache.cached("alice")).hasValue(changed);
    }

    @Test
    void getUserProfileByIdWhenMoreUsersThanMaximumSizeThenAtMostMaximumSizeHeld() {
        // given
        UserProfileCache small = new UserProfileCache(table, TTL, 3, ticker);
        for (int i = 0; i < 20; i++) {
            table.put(profile("user-" + i, "user-" + i + "@example.com"));
        }

        // when
        for (int i = 0; i < 20; i++) {
            assertThat(small.getUserProfileById("user-" + i)).isPresent();
        }

        // then
        assertThat(small.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void getUserProfileByIdWhenTtlZeroThenEveryReadGoesToTable() {
        // given
        UserProfileCache off = new UserProfileCache(table, Duration.ZERO, 1_000, ticker);
        table.put(profile("alice", "alice@example.com"));

        // when
        off.getUserProfileById("alice");
        off.getUserProfileById("alice");

        // then
        assertThat(table.reads).containsExactly("alice", "alice");
    }

    private static UserProfile profile(String userId, String email) {
        return new UserProfile(userId, email, false, List.of("user"), CREATED_AT, null, 0);
    }

    private static final class FakeTable implements Function<String, Optional<UserProfile>> {

        private final Map<String, UserProfile> rows = new ConcurrentHashMap<>();
        private final List<String> reads = new ArrayList<>();
        private Runnable duringNextRead;

        void put(UserProfile profile) {
            rows.put(profile.id(), profile);
        }

        @Override
        public Optional<UserProfile> apply(String userId) {
            reads.add(userId);
            Optional<UserProfile> row = Optional.ofNullable(rows.get(userId));
            if (duringNextRead != null) {
                Runnable concurrentCommit = duringNextRead;
                duringNextRead = null;
                concurrentCommit.run();
            }
            return row;
        }
    }
}
