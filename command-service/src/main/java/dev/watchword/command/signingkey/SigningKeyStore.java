package dev.watchword.command.signingkey;

import dev.watchword.command.signingkey.SigningKeys.SigningKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code signing_key} table. Private keys are stored only sealed with the {@link MasterKey}, format
 * {@value #SEALED}: the associated data binds every column that decides how the key is used (kid, algorithm,
 * activation, retirement and withdrawal times; {@link #associatedData}), so that a write to the table alone (an SQL
 * injection, an edited backup) can neither plant a key nor bring a retired or withdrawn key back into service: such
 * a row no longer opens and is refused (OWASP ASVS 5.0 V11.3.3, authenticated encryption with associated data;
 * V13.3.1). Rows of the earlier formats ({@code pkcs8}, the clear PKCS#8 of V1; {@code a256gcm}, bound to the kid
 * only) are re-sealed once by {@link SigningKeyResealMigration}, which then lets the table hold nothing else; they
 * are never read. Every write happens under {@link #lock()}, the transaction-scoped advisory lock that serialises
 * key management across instances (PostgreSQL is the only coordinator).
 */
@Component
public class SigningKeyStore {

    static final String SEALED = "a256gcm-v2";

    private final JdbcClient jdbc;
    private final MasterKey masterKey;

    public SigningKeyStore(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /** Call inside a transaction: held until it ends. */
    void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('watchword.signing_key'))")
                .query()
                .singleRow();
    }

    List<KeyLifecycle> lifecycles() {
        return jdbc.sql("SELECT kid, activates_at, retires_at, withdraws_at FROM signing_key")
                .query((rs, n) -> lifecycle(rs))
                .list();
    }

    void insert(SigningKey key, KeyLifecycle lifecycle, Instant createdAt) {
        KeyLifecycle stored = storable(lifecycle);
        jdbc.sql("""
                        INSERT INTO signing_key (kid, algorithm, private_key, private_key_format, public_key, created_at,
                                                 activates_at, retires_at, withdraws_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        key.kid(),
                        SigningKey.ALGORITHM,
                        masterKey.seal(key.privateKey().getEncoded(), associatedData(SigningKey.ALGORITHM, stored)),
                        SEALED,
                        key.publicKey().getEncoded(),
                        Timestamp.from(createdAt),
                        Timestamp.from(stored.activatesAt()),
                        timestamp(stored.retiresAt()),
                        timestamp(stored.withdrawsAt()))
                .update();
    }

    void write(Succession succession, SigningKey successor, Instant now) {
        for (String kid : succession.deleted()) {
            jdbc.sql("DELETE FROM signing_key WHERE kid = ?").param(kid).update();
        }
        for (KeyLifecycle key : succession.updated()) {
            reseal(storable(key));
        }
        insert(successor, succession.successor(), now);
    }

    void delete(List<String> kids) {
        kids.forEach(kid ->
                jdbc.sql("DELETE FROM signing_key WHERE kid = ?").param(kid).update());
    }

    /**
     * Writes new lifecycle times into a key's row, with its private key sealed again for them: the times are part
     * of what the seal authenticates. The row must open for its current times first.
     */
    private void reseal(KeyLifecycle updated) {
        Map<String, Object> row =
                jdbc.sql("""
                        SELECT algorithm, private_key, activates_at, retires_at, withdraws_at FROM signing_key
                        WHERE kid = ? AND private_key_format = ?""").params(updated.kid(), SEALED).query().singleRow();
        String algorithm = (String) row.get("algorithm");
        KeyLifecycle stored = new KeyLifecycle(
                updated.kid(),
                instant((Timestamp) row.get("activates_at")),
                instant((Timestamp) row.get("retires_at")),
                instant((Timestamp) row.get("withdraws_at")));
        byte[] privateKey = openOrRefuse((byte[]) row.get("private_key"), algorithm, stored);
        try {
            jdbc.sql("UPDATE signing_key SET retires_at = ?, withdraws_at = ?, private_key = ? WHERE kid = ?")
                    .params(
                            timestamp(updated.retiresAt()), timestamp(updated.withdrawsAt()),
                            masterKey.seal(privateKey, associatedData(algorithm, updated)), updated.kid())
                    .update();
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /**
     * Every stored key with its lifecycle, opened with the master key; a key already in {@code previous} with the
     * very same lifecycle is taken from it instead of being decrypted again.
     *
     * @throws UnusableMasterKey when a key does not open: the master key is not the one it was sealed with, or its
     *                           row was changed outside Watchword, or it is not sealed at all
     */
    KeyRing load(KeyRing previous) {
        List<KeyRing.Entry> entries = new ArrayList<>();
        jdbc.sql("""
                        SELECT kid, algorithm, private_key, private_key_format, public_key, activates_at, retires_at,
                               withdraws_at
                        FROM signing_key""").query(rs -> {
            KeyLifecycle lifecycle = lifecycle(rs);
            // Reused only for the lifecycle it was opened for: changed times must open to be believed.
            SigningKey key = previous.entries().stream()
                    .filter(entry -> entry.lifecycle().equals(lifecycle))
                    .map(KeyRing.Entry::key)
                    .findFirst()
                    .orElseGet(() -> open(rs, lifecycle));
            entries.add(new KeyRing.Entry(key, lifecycle));
        });
        return new KeyRing(entries);
    }

    private SigningKey open(ResultSet rs, KeyLifecycle lifecycle) {
        try {
            String format = rs.getString("private_key_format");
            if (!SEALED.equals(format)) {
                // The table's constraint allows nothing else since V9.1; were it dropped, still never trusted.
                throw new UnusableMasterKey("Signing key " + lifecycle.kid() + " is stored as " + format
                        + ", not sealed with " + MasterKey.VARIABLE + ": refused");
            }
            byte[] privateKey = openOrRefuse(rs.getBytes("private_key"), rs.getString("algorithm"), lifecycle);
            try {
                return SigningKey.restore(lifecycle.kid(), privateKey, rs.getBytes("public_key"));
            } finally {
                Arrays.fill(privateKey, (byte) 0);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] openOrRefuse(byte[] sealed, String algorithm, KeyLifecycle lifecycle) {
        try {
            return masterKey.open(sealed, associatedData(algorithm, lifecycle));
        } catch (IllegalArgumentException wrongKeyOrAltered) {
            throw new UnusableMasterKey("Signing key " + lifecycle.kid() + " does not open with " + MasterKey.VARIABLE
                    + ": either it is not the master key this database's signing keys were sealed with, or the"
                    + " key's row (kid, algorithm, activation, retirement or withdrawal time) was changed outside"
                    + " Watchword");
        }
    }

    /**
     * The associated data of a sealed private key: every column that decides how the key is used, times in
     * microseconds since the epoch (what PostgreSQL keeps), an absent time as {@code -}. Versioned, and distinct from
     * the associated data of the personal data keys (a user id) that the same master key seals.
     */
    static String associatedData(String algorithm, KeyLifecycle lifecycle) {
        return String.join(
                "|",
                "watchword.signing_key.v2",
                lifecycle.kid(),
                algorithm,
                micros(lifecycle.activatesAt()),
                micros(lifecycle.retiresAt()),
                micros(lifecycle.withdrawsAt()));
    }

    private static String micros(Instant instant) {
        return instant == null ? "-" : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    /** The lifecycle as PostgreSQL stores it, in microseconds, so that the sealed and the stored times agree. */
    static KeyLifecycle storable(KeyLifecycle lifecycle) {
        return new KeyLifecycle(
                lifecycle.kid(),
                micro(lifecycle.activatesAt()),
                micro(lifecycle.retiresAt()),
                micro(lifecycle.withdrawsAt()));
    }

    private static Instant micro(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    static KeyLifecycle lifecycle(ResultSet rs) throws SQLException {
        return new KeyLifecycle(
                rs.getString("kid"),
                rs.getTimestamp("activates_at").toInstant(),
                instant(rs.getTimestamp("retires_at")),
                instant(rs.getTimestamp("withdraws_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
