package dev.watchword.command.signingkey;

import dev.watchword.command.signingkey.SigningKeys.SigningKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 9.1, run before the application starts: every signing key stored in an earlier format (the clear
 * PKCS#8 of V1, {@code pkcs8}; sealed to its kid alone, {@code a256gcm}) is sealed again as
 * {@value SigningKeyStore#SEALED}, bound to its kid, algorithm and lifecycle times ({@link SigningKeyStore}), and
 * then the table is constrained to that one format, so a clear key can never be stored again, let alone used. A
 * row that does not open (another master key) or whose private key does not match its kid stops the migration,
 * and the service does not start: nothing is re-sealed that was not genuine.
 * <p>
 * Numbered 9.1 rather than 9: migrations merged separately may take whole numbers.
 */
@Component
public class SigningKeyResealMigration implements JavaMigration {

    private static final String CLEAR = "pkcs8";
    private static final String SEALED_TO_KID = "a256gcm";

    private final MasterKey masterKey;

    public SigningKeyResealMigration(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("9.1");
    }

    @Override
    public String getDescription() {
        return "seal signing keys bound to their lifecycle";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        reseal(context.getConnection());
    }

    /** @return the kids of the keys sealed again */
    List<String> reseal(Connection connection) throws SQLException {
        List<String> resealed = new ArrayList<>();
        // V3's constraint knows the old formats only; the new one, added below, knows the new format only.
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE signing_key DROP CONSTRAINT IF EXISTS signing_key_private_key_format");
        }
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT kid, algorithm, private_key, private_key_format, public_key, activates_at, retires_at,
                       withdraws_at
                FROM signing_key WHERE private_key_format <> ?""");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE signing_key SET private_key = ?, private_key_format = ? WHERE kid = ?")) {
            select.setString(1, SigningKeyStore.SEALED);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    KeyLifecycle lifecycle = SigningKeyStore.lifecycle(rows);
                    byte[] privateKey = privateKey(rows, lifecycle.kid());
                    try {
                        // Proves the private key is the kid's (the kid is its public key's thumbprint).
                        SigningKey.restore(lifecycle.kid(), privateKey, rows.getBytes("public_key"));
                        update.setBytes(
                                1,
                                masterKey.seal(
                                        privateKey,
                                        SigningKeyStore.associatedData(rows.getString("algorithm"), lifecycle)));
                        update.setString(2, SigningKeyStore.SEALED);
                        update.setString(3, lifecycle.kid());
                        update.addBatch();
                        resealed.add(lifecycle.kid());
                    } finally {
                        Arrays.fill(privateKey, (byte) 0);
                    }
                }
            }
            update.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE signing_key ADD CONSTRAINT signing_key_private_key_format CHECK "
                    + "(private_key_format = '" + SigningKeyStore.SEALED + "')");
        }
        return resealed;
    }

    private byte[] privateKey(ResultSet row, String kid) throws SQLException {
        String format = row.getString("private_key_format");
        byte[] stored = row.getBytes("private_key");
        return switch (format) {
            case CLEAR -> stored;
            case SEALED_TO_KID -> {
                try {
                    yield masterKey.open(stored, kid);
                } catch (IllegalArgumentException wrongKey) {
                    throw new UnusableMasterKey("Signing key " + kid + " does not open with " + MasterKey.VARIABLE
                            + ": it is not the master key this database's signing keys were sealed with");
                }
            }
            default -> throw new IllegalStateException("Signing key " + kid + " has an unknown format " + format);
        };
    }
}
