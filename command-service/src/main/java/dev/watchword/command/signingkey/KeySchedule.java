package dev.watchword.command.signingkey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The rotation rules, free of Spring and SQL so that they are tested as plain functions of the stored
 * {@link KeyLifecycle}s and a time (OWASP ASVS 5.0 V11.1.1, a documented key lifecycle; V13.3.4, rotation on a
 * schedule):
 * <ul>
 * <li>A successor is created {@code publishAhead} before the current key has signed for {@code rotationPeriod}
 * and is published from then on ({@link KeyState#NEXT}); it signs from its activation, when the current key
 * retires.</li>
 * <li>A retired key stays published for the access token lifetime plus {@code retirementMargin}, so that every
 * token it signed verifies until it expires (RFC 7517 section 4.5: verifiers pick the key by {@code kid}).</li>
 * <li>On demand, a successor is published now and signs after {@code publishAhead}; in an emergency (a
 * compromised key) it signs at once and the current key is withdrawn at once, invalidating its tokens.</li>
 * </ul>
 */
public final class KeySchedule {

    private final KeySettings settings;
    private final Duration accessTokenLifetime;

    public KeySchedule(KeySettings settings, Duration accessTokenLifetime) {
        this.settings = settings;
        this.accessTokenLifetime = accessTokenLifetime;
    }

    /** When a key that retires at {@code retiresAt} leaves the JWKS: after the last token it signed expired. */
    public Instant withdrawalOf(Instant retiresAt) {
        return retiresAt.plus(accessTokenLifetime).plus(settings.retirementMargin());
    }

    public static Optional<KeyLifecycle> current(List<KeyLifecycle> keys, Instant now) {
        return keys.stream()
                .filter(k -> k.stateAt(now) == KeyState.CURRENT)
                .max(Comparator.comparing(KeyLifecycle::activatesAt));
    }

    public static Optional<KeyLifecycle> next(List<KeyLifecycle> keys, Instant now) {
        return keys.stream()
                .filter(k -> k.stateAt(now) == KeyState.NEXT)
                .min(Comparator.comparing(KeyLifecycle::activatesAt));
    }

    /**
     * When a scheduled successor must activate, if it is time to create it now: at once when no key signs (the
     * first start), otherwise at the end of the current key's period but never sooner than {@code publishAhead}
     * from now (an instance that was down when the successor was due publishes it late, not unannounced).
     */
    public Optional<Instant> scheduledActivation(List<KeyLifecycle> keys, Instant now) {
        Optional<KeyLifecycle> current = current(keys, now);
        if (current.isEmpty()) {
            return Optional.of(now);
        }
        if (next(keys, now).isPresent()) {
            return Optional.empty();
        }
        Instant due = current.get().activatesAt().plus(settings.rotationPeriod());
        if (now.isBefore(due.minus(settings.publishAhead()))) {
            return Optional.empty();
        }
        Instant earliest = now.plus(settings.publishAhead());
        return Optional.of(due.isAfter(earliest) ? due : earliest);
    }

    /** When an on-demand successor activates: {@code publishAhead} from now, or now in an emergency. */
    public Instant onDemandActivation(Instant now, boolean immediate) {
        return immediate ? now : now.plus(settings.publishAhead());
    }

    /**
     * The rows to write so that {@code successorKid} signs from {@code activatesAt}. Normally the current key
     * retires then; {@code immediate} deletes the current key now (withdrawn from the JWKS, its private key
     * destroyed) and drops a pending successor, which would otherwise take over from the new key later. Keys
     * already withdrawn are deleted either way; retired keys, which no longer sign, keep their schedule.
     */
    public Succession succeed(
            List<KeyLifecycle> keys, Instant now, String successorKid, Instant activatesAt, boolean immediate) {
        List<KeyLifecycle> updated = new ArrayList<>();
        List<String> deleted = new ArrayList<>(withdrawn(keys, now));
        for (KeyLifecycle key : keys) {
            KeyState state = key.stateAt(now);
            if (immediate && (state == KeyState.CURRENT || state == KeyState.NEXT)) {
                deleted.add(key.kid());
            } else if (state == KeyState.CURRENT) {
                updated.add(key.retiringAt(activatesAt, withdrawalOf(activatesAt)));
            }
        }
        return new Succession(new KeyLifecycle(successorKid, activatesAt, null, null), updated, deleted);
    }

    /** The keys whose rows are due for deletion. */
    public static List<String> withdrawn(List<KeyLifecycle> keys, Instant now) {
        return keys.stream()
                .filter(k -> k.stateAt(now) == KeyState.WITHDRAWN)
                .map(KeyLifecycle::kid)
                .toList();
    }
}
