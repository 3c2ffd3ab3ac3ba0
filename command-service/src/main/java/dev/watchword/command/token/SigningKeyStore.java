package dev.watchword.command.token;

import dev.watchword.command.token.SigningKeys.SigningKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code signing_key} table. Private keys are written only sealed with the {@link MasterKey} (format
 * {@code a256gcm}); rows in the clear PKCS#8 of V1 (format {@code pkcs8}) are read and re-sealed in place.
 * Every write happens under {@link #lock()}, the transaction-scoped advisory lock that serialises key
 * management across instances (PostgreSQL is the only coordinator).
 */
@Component
public class SigningKeyStore {

    static final String SEALED = "a256gcm";
    static final String CLEAR = "pkcs8";

    private final JdbcClient jdbc;
    private final MasterKey masterKey;

    public SigningKeyStore(JdbcClient jdbc, MasterKey masterKey) {
        this.jdbc = jdbc;
        this.masterKey = masterKey;
    }

    /** Call inside a transaction: held until it ends. */
    void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('watchword.signing_key'))").query().singleRow();
    }

    List<KeyLifecycle> lifecycles() {
        return jdbc.sql("SELECT kid, activates_at, retires_at, withdraws_at FROM signing_key")
                .query((rs, n) -> lifecycle(rs)).list();
    }

    void insert(SigningKey key, KeyLifecycle lifecycle, Instant createdAt) {
        jdbc.sql("""
                        INSERT INTO signing_key (kid, algorithm, private_key, private_key_format, public_key, created_at,
                                                 activates_at, retires_at, withdraws_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key.kid(), SigningKey.ALGORITHM, masterKey.seal(key.privateKey().getEncoded(), key.kid()),
                        SEALED, key.publicKey().getEncoded(), Timestamp.from(createdAt),
                        Timestamp.from(lifecycle.activatesAt()), timestamp(lifecycle.retiresAt()),
                        timestamp(lifecycle.withdrawsAt()))
                .update();
    }

    void write(Succession succession, SigningKey successor, Instant now) {
        for (String kid : succession.deleted()) {
            jdbc.sql("DELETE FROM signing_key WHERE kid = ?").param(kid).update();
        }
        for (KeyLifecycle key : succession.updated()) {
            jdbc.sql("UPDATE signing_key SET retires_at = ?, withdraws_at = ? WHERE kid = ?")
                    .params(timestamp(key.retiresAt()), timestamp(key.withdrawsAt()), key.kid())
                    .update();
        }
        insert(successor, succession.successor(), now);
    }

    void delete(List<String> kids) {
        kids.forEach(kid -> jdbc.sql("DELETE FROM signing_key WHERE kid = ?").param(kid).update());
    }

    /** Seals every private key still stored in the clear (rows from before V3); returns their kids. */
    List<String> sealClearKeys() {
        List<SigningKey> clear = jdbc.sql("SELECT kid, private_key, public_key FROM signing_key WHERE private_key_format = ?")
                .param(CLEAR)
                .query((rs, n) -> SigningKey.restore(rs.getString("kid"), rs.getBytes("private_key"),
                        rs.getBytes("public_key")))
                .list();
        for (SigningKey key : clear) {
            jdbc.sql("UPDATE signing_key SET private_key = ?, private_key_format = ? WHERE kid = ? AND private_key_format = ?")
                    .params(masterKey.seal(key.privateKey().getEncoded(), key.kid()), SEALED, key.kid(), CLEAR)
                    .update();
        }
        return clear.stream().map(SigningKey::kid).toList();
    }

    /**
     * Every stored key with its lifecycle, opened with the master key; keys already in {@code previous} are
     * taken from it instead of being decrypted again.
     *
     * @throws UnusableMasterKey when a key does not open: the master key is not the one it was sealed with
     */
    KeyRing load(KeyRing previous) {
        List<KeyRing.Entry> entries = new ArrayList<>();
        jdbc.sql("""
                        SELECT kid, private_key, private_key_format, public_key, activates_at, retires_at, withdraws_at
                        FROM signing_key""")
                .query(rs -> {
                    KeyLifecycle lifecycle = lifecycle(rs);
                    SigningKey key = previous.find(lifecycle.kid()).orElseGet(() -> open(rs, lifecycle.kid()));
                    entries.add(new KeyRing.Entry(key, lifecycle));
                });
        return new KeyRing(entries);
    }

    private SigningKey open(ResultSet rs, String kid) {
        try {
            byte[] privateKey = rs.getBytes("private_key");
            if (SEALED.equals(rs.getString("private_key_format"))) {
                try {
                    privateKey = masterKey.open(privateKey, kid);
                } catch (IllegalArgumentException wrongKey) {
                    throw new UnusableMasterKey("Signing key " + kid + " does not open with " + MasterKey.VARIABLE
                            + ": it is not the master key this database's signing keys were sealed with");
                }
            }
            return SigningKey.restore(kid, privateKey, rs.getBytes("public_key"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyLifecycle lifecycle(ResultSet rs) throws SQLException {
        return new KeyLifecycle(rs.getString("kid"), rs.getTimestamp("activates_at").toInstant(),
                instant(rs.getTimestamp("retires_at")), instant(rs.getTimestamp("withdraws_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
