package dev.watchword.command.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchword.command.integrity.EventChainRecorder;
import dev.watchword.command.signingkey.MasterKey;
import dev.watchword.events.envelope.EventCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * The one-time encryption of personal data stored before crypto-shredding existed: Flyway migration 8,
 * run before Axon starts. Every user event whose personal fields are still clear gets them encrypted with its
 * user's (new) data key, in place, a batch of rows at a time. Snapshots of users hold the same data in clear and
 * are deleted (the next load takes new ones).
 * <p>
 * Rewriting stored events changes the bytes the hash chain covers. This is the one sanctioned rewrite: the chain's
 * head before it is recorded in {@code event_chain_rebase} with the count of rewritten events, the chain is
 * emptied and its processor's token removed, and the chain is computed afresh over the new bytes. A database
 * with nothing to rewrite (every fresh one) keeps its chain untouched.
 */
@Component
public class PersonalDataEncryptionMigration implements JavaMigration {

    static final String USER_EVENTS = "dev.watchword.events.user.%";
    private static final int BATCH = 1_000;

    private final MasterKey masterKey;
    private final ObjectMapper mapper = EventCatalog.json();

    public PersonalDataEncryptionMigration(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8");
    }

    @Override
    public String getDescription() {
        return "encrypt personal data of stored user events";
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
        encryptStoredEvents(context.getConnection());
    }

    /** @return how many stored events were rewritten */
    public long encryptStoredEvents(Connection connection) throws SQLException {
        Map<String, SecretKey> keys = new HashMap<>();
        long rewritten = 0;
        long after = -1;
        while (true) {
            long last = after;
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT globalindex, aggregateidentifier, payload FROM domainevententry
                    WHERE payloadtype LIKE ? AND globalindex > ? ORDER BY globalindex LIMIT ?""")) {
                select.setString(1, USER_EVENTS);
                select.setLong(2, after);
                select.setInt(3, BATCH);
                try (ResultSet rows = select.executeQuery();
                        PreparedStatement update = connection.prepareStatement(
                                "UPDATE domainevententry SET payload = ? WHERE globalindex = ?")) {
                    while (rows.next()) {
                        last = rows.getLong(1);
                        String userId = rows.getString(2);
                        JsonNode payload = readTree(rows.getBytes(3));
                        if (payload instanceof ObjectNode tree
                                && PersonalDataCipher.encryptFields(
                                        tree,
                                        userId,
                                        id -> Optional.of(keys.computeIfAbsent(id, u -> keyOf(connection, u))))) {
                            update.setBytes(1, writeBytes(tree));
                            update.setLong(2, last);
                            update.addBatch();
                            rewritten++;
                        }
                    }
                    update.executeBatch();
                }
            }
            if (last == after) {
                break;
            }
            after = last;
        }
        if (rewritten > 0) {
            rebaseChain(connection, rewritten);
            try (PreparedStatement snapshots = connection.prepareStatement(
                    "DELETE FROM snapshotevententry WHERE payloadtype = 'dev.watchword.command.user.User'")) {
                snapshots.executeUpdate();
            }
        }
        return rewritten;
    }

    private SecretKey keyOf(Connection connection, String userId) {
        try {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO personal_data_key (user_id, sealed_key) VALUES (?, ?) ON CONFLICT (user_id) DO NOTHING")) {
                insert.setString(1, userId);
                insert.setBytes(2, PersonalDataKeys.newSealedKey(masterKey, userId));
                insert.executeUpdate();
            }
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT sealed_key FROM personal_data_key WHERE user_id = ?")) {
                select.setString(1, userId);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    byte[] sealed = row.getBytes(1);
                    if (sealed == null) {
                        throw new IllegalStateException("User " + userId + " was erased but has clear events");
                    }
                    return PersonalDataKeys.open(masterKey, sealed, userId);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void rebaseChain(Connection connection, long rewritten) throws SQLException {
        try (PreparedStatement record = connection.prepareStatement("""
                INSERT INTO event_chain_rebase (reason, events_rewritten, previous_head_index, previous_head_hash)
                SELECT 'personal data encrypted (crypto-shredding)', ?, max(global_index),
                       (SELECT chain_hash FROM event_chain ORDER BY global_index DESC LIMIT 1)
                FROM event_chain""")) {
            record.setLong(1, rewritten);
            record.executeUpdate();
        }
        try (PreparedStatement chain = connection.prepareStatement("DELETE FROM event_chain");
                PreparedStatement token =
                        connection.prepareStatement("DELETE FROM tokenentry WHERE processorname = ?")) {
            chain.executeUpdate();
            token.setString(1, EventChainRecorder.PROCESSING_GROUP);
            token.executeUpdate();
        }
    }

    private JsonNode readTree(byte[] bytes) {
        try {
            return mapper.readTree(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] writeBytes(JsonNode tree) {
        try {
            return mapper.writeValueAsBytes(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
