package dev.watchword.command.signingkey;

import dev.watchword.command.signingkey.SigningKeys.SigningKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the {@link KeySchedule} against PostgreSQL: each step is one transaction under the advisory lock
 * of {@link SigningKeyStore}, so instances that run it at the same time create one successor, not several.
 * Every instance runs {@link #maintain} on start and then every refresh interval ({@link KeyMaintenance});
 * operators call {@link #rotate} (through {@link KeyRotationController} for now, {@code ./watchword keys
 * rotate} eventually). Times are parameters so that the schedule is tested without waiting for it.
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final SigningKeyStore store;
    private final KeySchedule schedule;
    private final TransactionTemplate transactions;

    public KeyRotation(SigningKeyStore store, KeySchedule schedule, TransactionTemplate transactions) {
        this.store = store;
        this.schedule = schedule;
        this.transactions = transactions;
    }

    /**
     * Creates the scheduled successor when it is due (or the first key), and deletes withdrawn keys. Keys stored
     * in the clear or sealed to their kid alone are re-sealed before, once, by {@link SigningKeyResealMigration}.
     */
    public void maintain(Instant time) {
        Instant now = storable(time);
        transactions.executeWithoutResult(status -> {
            store.lock();
            List<KeyLifecycle> keys = store.lifecycles();
            Optional<Instant> activation = schedule.scheduledActivation(keys, now);
            if (activation.isPresent()) {
                KeyLifecycle successor = succeed(keys, now, activation.get(), false);
                log.info(
                        "Scheduled signing key rotation: {} published, signs from {}",
                        successor.kid(),
                        successor.activatesAt());
            } else {
                List<String> withdrawn = KeySchedule.withdrawn(keys, now);
                if (!withdrawn.isEmpty()) {
                    store.delete(withdrawn);
                    log.info("Deleted withdrawn signing key(s) {}", withdrawn);
                }
            }
        });
    }

    /**
     * Rotates on demand. Normally a successor is published now and signs after {@code publish-ahead}; when one
     * is already pending, that one is returned and nothing changes, so a repeated call is harmless. With
     * {@code immediate} (a compromised key) the successor signs at once and the current key leaves the JWKS at
     * once, so that every token it signed stops verifying once verifiers refresh their JWKS.
     *
     * @return the lifecycle of the key that signs next
     */
    public KeyLifecycle rotate(Instant time, boolean immediate) {
        Instant now = storable(time);
        return transactions.execute(status -> {
            store.lock();
            List<KeyLifecycle> keys = store.lifecycles();
            Optional<KeyLifecycle> pending = KeySchedule.next(keys, now);
            if (!immediate && pending.isPresent()) {
                return pending.get();
            }
            KeyLifecycle successor = succeed(keys, now, schedule.onDemandActivation(now, immediate), immediate);
            if (immediate) {
                log.warn(
                        "Emergency signing key rotation: {} signs from now; previous keys withdrawn from the JWKS",
                        successor.kid());
            } else {
                log.info(
                        "Signing key rotation on demand: {} published, signs from {}",
                        successor.kid(),
                        successor.activatesAt());
            }
            return successor;
        });
    }

    /**
     * PostgreSQL keeps microseconds and rounds the rest: a key activating "now" in nanoseconds could be stored
     * a fraction of a microsecond in the future, and be pending rather than current at that very instant.
     */
    private static Instant storable(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private KeyLifecycle succeed(List<KeyLifecycle> keys, Instant now, Instant activatesAt, boolean immediate) {
        SigningKey key = SigningKey.generate();
        Succession succession = schedule.succeed(keys, now, key.kid(), activatesAt, immediate);
        store.write(succession, key, now);
        return succession.successor();
    }
}
