package dev.watchword.command.signingkey;

import dev.watchword.command.signingkey.SigningKeys.SigningKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One instance's in-memory copy of the signing keys with their lifecycles, replaced as a whole on every
 * reload. States are evaluated at the time of each call, so a key published ahead starts signing on time
 * without a database read.
 */
public record KeyRing(List<Entry> entries) {

    public KeyRing {
        entries = List.copyOf(entries);
    }

    public record Entry(SigningKey key, KeyLifecycle lifecycle) {}

    public Optional<SigningKey> current(Instant now) {
        return entries.stream()
                .filter(e -> e.lifecycle().stateAt(now) == KeyState.CURRENT)
                .max(Comparator.comparing(e -> e.lifecycle().activatesAt()))
                .map(Entry::key);
    }

    /** The keys in the JWKS at {@code now}: the signing key first, then the next, then the retired ones. */
    public List<SigningKey> published(Instant now) {
        return entries.stream()
                .filter(e -> e.lifecycle().stateAt(now).published())
                .sorted(Comparator.comparing((Entry e) -> e.lifecycle().stateAt(now) != KeyState.CURRENT)
                        .thenComparing(e -> e.lifecycle().activatesAt(), Comparator.reverseOrder()))
                .map(Entry::key)
                .toList();
    }

    public Optional<PublicKey> publicKeyFor(String kid, Instant now) {
        return entries.stream()
                .filter(e ->
                        e.key().kid().equals(kid) && e.lifecycle().stateAt(now).published())
                .map(e -> e.key().publicKey())
                .findFirst();
    }

    public Optional<SigningKey> find(String kid) {
        return entries.stream().map(Entry::key).filter(k -> k.kid().equals(kid)).findFirst();
    }
}
