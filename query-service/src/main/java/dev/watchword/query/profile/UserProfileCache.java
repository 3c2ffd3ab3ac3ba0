package dev.watchword.query.profile;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.watchword.query.eventstream.ReadModelSwitched;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import org.springframework.context.event.EventListener;

/**
 * {@link UserProfile}s by user id in memory, in front of {@link UserProfiles}, so that {@code GET /api/users/me}
 * usually costs no database round trip. Bounded in size and in age ({@link UserProfileCacheProperties}); filled
 * from the table on a miss; a profile that does not exist yet is not remembered, so it is served as soon as its
 * {@code UserRegistered} is projected.
 * <p>
 * What a reader may see:
 * <ul>
 * <li>A change projected by <em>this</em> instance replaces the entry right after its transaction committed
 * ({@link UserProfileProjection} calls {@link #committed}). So a read is older than the committed read model only
 * between the commit and that call, and a rolled-back change never reaches memory.</li>
 * <li>A change projected by <em>another</em> instance is not seen here: all instances share the consumer group
 * {@code query-service}, so each projects only the events of the partitions it owns. Such a change shows once
 * the entry has expired, at most {@code cacheTtl} (default 30 seconds) after it was read. Across instances the
 * cache thus adds at most {@code cacheTtl} to the projection lag, and consecutive reads that land on different
 * instances may go back and forth within that window.</li>
 * </ul>
 * A load that read the table before a change committed must not put the old row back after that change replaced
 * or dropped the entry. Each load notes the change counter of its user's stripe before the query and installs the
 * row only if no change of that stripe committed since; {@link #committed} bumps the counter before it touches the
 * map, and the check and the install are one atomic map operation on the key. No lock is held during the query:
 * a database read inside {@code ConcurrentHashMap.compute} would pin the carrier of a virtual thread on Java 21
 * and could hold up the Kafka listener behind a request's query.
 */
public class UserProfileCache {

    private static final int STRIPES = 64;

    private final Function<String, Optional<UserProfile>> table;
    private final Cache<String, UserProfile> cache;
    private final AtomicLongArray changes = new AtomicLongArray(STRIPES);

    /**
     * @param table  reads one profile from the table, empty when it does not exist
     * @param ticker the clock of {@code ttl}
     */
    UserProfileCache(Function<String, Optional<UserProfile>> table, Duration ttl, long maximumSize, Ticker ticker) {
        this.table = table;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .build();
    }

    public Optional<UserProfile> getUserProfileById(String userId) {
        UserProfile cached = cache.getIfPresent(userId);
        if (cached != null) {
            return Optional.of(cached);
        }
        int stripe = stripe(userId);
        long changesBeforeLoad = changes.get(stripe);
        Optional<UserProfile> loaded = table.apply(userId);
        loaded.ifPresent(profile ->
                cache.asMap().computeIfAbsent(userId, id -> changes.get(stripe) == changesBeforeLoad ? profile : null));
        return loaded;
    }

    /**
     * Called after a transaction that may have changed the user's profile committed.
     *
     * @param committed the row as that transaction left it; empty when unknown (nothing changed, or no row), which
     *                  drops the entry
     */
    void committed(String userId, Optional<UserProfile> committed) {
        changes.incrementAndGet(stripe(userId));
        // Only users someone reads are held: a replayed log must not fill memory with every account.
        committed.ifPresentOrElse(
                profile -> cache.asMap().computeIfPresent(userId, (id, previous) -> profile),
                () -> cache.invalidate(userId));
    }

    /**
     * A replay swapped a rebuilt {@code user_profile} in: every held row came from the old table. The counters move
     * first, so a load that read the old table just before cannot install its row afterwards.
     */
    @EventListener
    void on(ReadModelSwitched switched) {
        if (switched.tables().contains("user_profile")) {
            for (int stripe = 0; stripe < STRIPES; stripe++) {
                changes.incrementAndGet(stripe);
            }
            cache.invalidateAll();
        }
    }

    /** What a read would be served without the table; for tests. */
    Optional<UserProfile> cached(String userId) {
        return Optional.ofNullable(cache.getIfPresent(userId));
    }

    /** How many entries are held once pending evictions ran; for tests. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private static int stripe(String userId) {
        int hash = userId.hashCode();
        return (hash ^ (hash >>> 16)) & (STRIPES - 1);
    }
}
