package dev.watchword.command.signingkey;

import java.time.Instant;
import java.util.Objects;

/**
 * The times of one signing key's life, as its row in {@code signing_key} holds them (V3). Every instance
 * derives the same {@link KeyState} from the same row and its clock, so a key starts signing on every
 * instance at once, even one that has not reloaded the keys since the key was published.
 *
 * @param activatesAt  when it starts signing
 * @param retiresAt    when it stops signing; {@code null} while no successor is scheduled
 * @param withdrawsAt  when it leaves the JWKS; {@code null} while it has not retired
 */
public record KeyLifecycle(String kid, Instant activatesAt, Instant retiresAt, Instant withdrawsAt) {

    public KeyLifecycle {
        Objects.requireNonNull(kid);
        Objects.requireNonNull(activatesAt);
        if (retiresAt != null && retiresAt.isBefore(activatesAt)) {
            throw new IllegalArgumentException("A key cannot retire before it activates");
        }
        if (withdrawsAt != null && (retiresAt == null || withdrawsAt.isBefore(retiresAt))) {
            throw new IllegalArgumentException("A key is withdrawn only after it retired");
        }
    }

    public KeyState stateAt(Instant now) {
        if (withdrawsAt != null && !now.isBefore(withdrawsAt)) {
            return KeyState.WITHDRAWN;
        }
        if (now.isBefore(activatesAt)) {
            return KeyState.NEXT;
        }
        if (retiresAt == null || now.isBefore(retiresAt)) {
            return KeyState.CURRENT;
        }
        return KeyState.RETIRED;
    }

    KeyLifecycle retiringAt(Instant retires, Instant withdraws) {
        return new KeyLifecycle(kid, activatesAt, retires, withdraws);
    }
}
