package dev.watchword.command.erasure;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.watchword.command.signingkey.MasterKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each user's data key (crypto-shredding), in {@code personal_data_key}, sealed with the master key and
 * the user id as associated data, so a copy of the database alone opens no personal field (OWASP ASVS 5.0
 * V11.2.2). Keys are cached in memory once committed; a key created inside a transaction that rolls back is never
 * cached, so no event is ever written with a key the database does not hold.
 * <p>
 * Destroying a key forgets it here at once; another instance may hold it in its cache for up to
 * {@link #CACHED_FOR}, and only for users whose events it was reading anyway.
 */
@Component
public class PersonalDataKeys {

    /** How long another instance may still read an erased user's fields from its cache; the default is 5 minutes. */
    static final Duration CACHED_FOR = Duration.ofMinutes(5);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final MasterKey masterKey;
    private final Cache<String, SecretKey> cache = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(CACHED_FOR)
            .build();

    public PersonalDataKeys(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /** The user's key, or empty once it was destroyed (or for a user who never had personal data stored). */
    public Optional<SecretKey> keyOf(String userId) {
        SecretKey cached = cache.getIfPresent(userId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SecretKey> stored = read(userId);
        stored.ifPresent(key -> cacheOnceCommitted(userId, key));
        return stored;
    }

    /**
     * The user's key, created now if the user has none yet; empty if it was destroyed (nothing personal may be
     * stored for an erased user again).
     */
    public Optional<SecretKey> keyFor(String userId) {
        Optional<SecretKey> existing = keyOf(userId);
        if (existing.isPresent() || isDestroyed(userId)) {
            return existing;
        }
        jdbc.sql("INSERT INTO personal_data_key (user_id, sealed_key) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING")
                .params(userId, newSealedKey(masterKey, userId))
                .update();
        return keyOf(userId);
    }

    /** Destroys the user's key for good: every personal field of its events becomes unreadable. */
    public void destroy(String userId) {
        jdbc.sql("""
                        INSERT INTO personal_data_key (user_id, sealed_key, destroyed_at) VALUES (?, NULL, now())
                        ON CONFLICT (user_id) DO UPDATE SET sealed_key = NULL, destroyed_at = now()""").param(userId).update();
        cache.invalidate(userId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(userId);
                }
            });
        }
    }

    private boolean isDestroyed(String userId) {
        return jdbc.sql("SELECT count(*) FROM personal_data_key WHERE user_id = ? AND sealed_key IS NULL")
                        .param(userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Optional<SecretKey> read(String userId) {
        return jdbc.sql("SELECT sealed_key FROM personal_data_key WHERE user_id = ? AND sealed_key IS NOT NULL")
                .param(userId)
                .query(byte[].class)
                .optional()
                .map(sealedKey -> open(masterKey, sealedKey, userId));
    }

    /** 32 random bytes, sealed for {@code userId}: what a {@code personal_data_key} row holds. */
    static byte[] newSealedKey(MasterKey masterKey, String userId) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        return masterKey.seal(fresh, userId);
    }

    static SecretKey open(MasterKey masterKey, byte[] sealed, String userId) {
        return new SecretKeySpec(masterKey.open(sealed, userId), "AES");
    }

    private void cacheOnceCommitted(String userId, SecretKey key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.put(userId, key);
                }
            });
        } else {
            cache.put(userId, key);
        }
    }
}
