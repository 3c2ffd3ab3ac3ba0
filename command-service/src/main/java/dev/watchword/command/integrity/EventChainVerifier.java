package dev.watchword.command.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the event chain over {@code domainevententry} in global-index order and compares every link with
 * the one {@link EventChainRecorder} stored. Rows stream through a server-side cursor ({@value #FETCH_SIZE} at
 * a time, inside a read-only transaction), so a long log costs time, not memory; the transaction is
 * {@code REPEATABLE READ} so that the rows, the chain and the processor's token are one snapshot.
 */
@Component
public class EventChainVerifier {

    static final int FETCH_SIZE = 500;

    private static final String ROWS = "SELECT " + prefixed() + ", c.global_index AS chained_index, "
            + "c.event_identifier AS chained_event_identifier, c.chain_hash "
            + "FROM domainevententry d FULL OUTER JOIN event_chain c ON c.global_index = d.globalindex "
            + "ORDER BY COALESCE(d.globalindex, c.global_index)";

    private final JdbcTemplate cursor;
    private final JdbcClient jdbc;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;

    public EventChainVerifier(
            DataSource dataSource, JdbcClient jdbc, Serializer serializer, PlatformTransactionManager transactions) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    public ChainVerification verify() {
        return snapshot.execute(status -> {
            Optional<TrackingToken> position = processorPosition();
            Walk walk = new Walk(position);
            cursor.query(ROWS, walk::step);
            return walk.result();
        });
    }

    private Optional<TrackingToken> processorPosition() {
        return jdbc.sql("SELECT token, tokentype FROM tokenentry WHERE processorname = ? AND segment = 0")
                .param(EventChainRecorder.PROCESSING_GROUP)
                .query((row, n) -> row.getBytes("token") == null
                        ? null
                        : serializer.<byte[], TrackingToken>deserialize(new SimpleSerializedObject<>(
                                row.getBytes("token"), byte[].class, row.getString("tokentype"), null)))
                .optional();
    }

    /** Whether the processor has handled (or skipped as a gap it gave up on) the given global index. */
    private static boolean reached(Optional<TrackingToken> position, long globalIndex) {
        if (position.isEmpty()) {
            return false;
        }
        if (position.get() instanceof GapAwareTrackingToken token) {
            return globalIndex <= token.getIndex() && !token.getGaps().contains(globalIndex);
        }
        return position.get().position().orElse(-1) >= globalIndex;
    }

    private static String prefixed() {
        return "d." + StoredEvent.COLUMNS.replace(", ", ", d.");
    }

    private static final class Walk {

        private final Optional<TrackingToken> position;
        private byte[] previous = EventChain.GENESIS;
        private long verified;
        private long unchained;
        private ChainVerification broken;

        Walk(Optional<TrackingToken> position) {
            this.position = position;
        }

        void step(ResultSet row) throws SQLException {
            if (broken != null) {
                return; // the first break is the answer; the rest of the cursor is drained unread
            }
            boolean stored = row.getObject("globalindex") != null;
            byte[] chainHash = row.getBytes("chain_hash");
            if (!stored) {
                broken = ChainVerification.broken(
                        verified,
                        row.getLong("chained_index"),
                        row.getString("chained_event_identifier"),
                        ChainVerification.EVENT_MISSING,
                        unchained);
                return;
            }
            StoredEvent event = StoredEvent.read(row);
            if (chainHash == null) {
                if (reached(position, event.globalIndex())) {
                    broken = ChainVerification.broken(
                            verified,
                            event.globalIndex(),
                            event.eventIdentifier(),
                            ChainVerification.EVENT_INSERTED,
                            unchained);
                } else {
                    unchained++;
                }
                return;
            }
            byte[] computed = EventChain.link(previous, event);
            if (!Arrays.equals(computed, chainHash)
                    || !event.eventIdentifier().equals(row.getString("chained_event_identifier"))) {
                broken = ChainVerification.broken(
                        verified,
                        event.globalIndex(),
                        event.eventIdentifier(),
                        ChainVerification.CONTENT_CHANGED,
                        unchained);
                return;
            }
            previous = computed;
            verified++;
        }

        ChainVerification result() {
            return broken != null ? broken : ChainVerification.intact(verified, unchained);
        }
    }
}
