package dev.watchword.command.password;

import dev.watchword.command.user.PasswordHashing;
import dev.watchword.command.user.PasswordVerifier;
import java.text.Normalizer;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Every hash and check runs inside the {@link HashingBulkhead}, so that a burst of logins or registrations queues
 * briefly and then gets 503 instead of exhausting cores and memory.
 * <p>
 * Argon2id with OWASP ASVS 5.0 V11.4.2 / OWASP Password Storage parameters: 19 MiB memory, 2 iterations,
 * parallelism 1, 16-byte salt, 32-byte hash ({@link Argon2id}, which reuses its memory). That is OWASP's first
 * option; Keycloak 26's default, 7 MiB and 5 iterations, is its fourth, of the same strength by OWASP's reckoning,
 * and ours asks an attacker for more memory per guess. The whole password is hashed (no truncation, unlike bcrypt's
 * 72 bytes), after Unicode NFC normalization so the same password typed on two keyboards matches
 * (NIST SP 800-63B-4 section 3.1.1.2).
 */
@Component
public class PasswordHasher implements PasswordVerifier, PasswordHashing {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int PARALLELISM = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int ITERATIONS = 2;

    private final Argon2id argon2 = new Argon2id(SALT_BYTES, HASH_BYTES, PARALLELISM, MEMORY_KIB, ITERATIONS);

    /** Verified against for unknown accounts, so that their answer takes as long as a wrong password. */
    private final String decoy = argon2.encode(UUID.randomUUID().toString());

    private final HashingBulkhead bulkhead;

    public PasswordHasher(HashingBulkhead bulkhead) {
        this.bulkhead = bulkhead;
    }

    @Override
    public String hash(String password) {
        return bulkhead.run(() -> argon2.encode(normalize(password)));
    }

    /** An account without a password (created for passwordless login only) matches nothing, just as slowly. */
    @Override
    public boolean matches(String password, String passwordHash) {
        if (passwordHash == null) {
            return matchesNothing(password);
        }
        return bulkhead.run(() -> argon2.matches(normalize(password), passwordHash));
    }

    /** Spends the same time as a real check and always fails: for addresses that have no account. */
    public boolean matchesNothing(String password) {
        bulkhead.run(() -> argon2.matches(normalize(password), decoy));
        return false;
    }

    /**
     * Runs {@code work}, which checks or hashes a password somewhere inside (a command whose handler does), in one
     * turn of the bulkhead taken before it starts: whatever else the work holds while it hashes (a database
     * connection, a transaction, an aggregate's lock) is then held only by requests whose turn it is.
     *
     * @throws ServerBusy when no turn came within the bulkhead's limits; nothing of {@code work} ran then
     */
    public <T> T inTurn(Supplier<T> work) {
        return bulkhead.run(work);
    }

    private static String normalize(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFC);
    }
}
