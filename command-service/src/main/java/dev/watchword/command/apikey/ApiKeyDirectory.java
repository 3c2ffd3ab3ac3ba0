package dev.watchword.command.apikey;

import dev.watchword.command.app.ClientAppConfiguration;
import dev.watchword.command.appdirectory.AppDirectory;
import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRetired;
import dev.watchword.events.app.ApiKeyRevoked;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Which app an API key belongs to, in memory, so that checking a presented key never reads the database. Fed by
 * a tracking processor that reads the whole log from its start on every boot (its token lives in memory, see
 * {@link ClientAppConfiguration}), so each instance builds its own copy and follows new events within
 * milliseconds.
 * <p>
 * Lookup is by the key's SHA-256 hash, never by comparing keys: a timing difference in the map lookup could only
 * tell an attacker something about a hash, and a hash of 256 random bits yields nothing about any key, so a
 * constant-time comparison would protect nothing here.
 * <p>
 * Until the processor has caught up with the log, every key is refused: halfway through the log a key revoked
 * later still looks live, and failing closed for the seconds of a boot is the safe side.
 */
@Component
@ProcessingGroup(AppDirectory.PROCESSING_GROUP)
public class ApiKeyDirectory {

    /** {@code wwk_} + 8 + {@code _} + 43; anything much longer is not a key and is not worth hashing. */
    private static final int MAX_KEY_LENGTH = 100;

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final Map<String, String> hashById = new ConcurrentHashMap<>();
    private final AppDirectory appDirectory;

    public ApiKeyDirectory(AppDirectory appDirectory) {
        this.appDirectory = appDirectory;
    }

    /**
     * The app whose key {@code presentedKey} is, if the key works at {@code now}: active, or retired and still in
     * its grace period. Never a revoked or unknown key.
     */
    public Optional<String> appOf(String presentedKey, Instant now) {
        return keyOf(presentedKey, now).map(WorkingKey::appId);
    }

    /** Like {@link #appOf}, with the key's id too. */
    public Optional<WorkingKey> keyOf(String presentedKey, Instant now) {
        if (presentedKey == null
                || presentedKey.length() > MAX_KEY_LENGTH
                || !presentedKey.startsWith(AppCredentials.KEY_PREFIX)
                || !ready()) {
            return Optional.empty();
        }
        Entry entry = byHash.get(AppCredentials.hashOf(presentedKey));
        return entry != null && entry.worksAt(now)
                ? Optional.of(new WorkingKey(entry.appId(), entry.keyId()))
                : Optional.empty();
    }

    /** Whether the directory has read the whole log once; before that {@link #appOf} refuses every key. */
    public boolean ready() {
        return appDirectory.ready();
    }

    @EventHandler
    void on(ApiKeyIssued event) {
        hashById.put(id(event.appId(), event.keyId()), event.keyHash());
        byHash.put(event.keyHash(), new Entry(event.appId(), event.keyId(), null));
    }

    @EventHandler
    void on(ApiKeyRetired event) {
        String hash = hashById.get(id(event.appId(), event.keyId()));
        if (hash != null) {
            byHash.computeIfPresent(hash, (h, entry) -> new Entry(entry.appId(), entry.keyId(), event.validUntil()));
        }
    }

    @EventHandler
    void on(ApiKeyRevoked event) {
        String hash = hashById.remove(id(event.appId(), event.keyId()));
        if (hash != null) {
            byHash.remove(hash);
        }
    }

    private static String id(String appId, String keyId) {
        return appId + "/" + keyId;
    }

    /** A key that works: the app it acts for and its id, which the log records as the actor. */
    public record WorkingKey(String appId, String keyId) {

        public String actorId() {
            return "apikey:" + keyId;
        }
    }

    /** @param validUntil null while the key is active */
    private record Entry(String appId, String keyId, Instant validUntil) {

        boolean worksAt(Instant now) {
            return validUntil == null || now.isBefore(validUntil);
        }
    }
}
