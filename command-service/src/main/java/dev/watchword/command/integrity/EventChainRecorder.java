package dev.watchword.command.integrity;

import java.util.Arrays;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Extends the event chain by each stored event, in a tracking processor (one segment, from the start of the
 * log) whose token commits in the same transaction as the chain rows; a failure stops the processor and is
 * retried, never skipped. The row is read back from {@code domainevententry}: the message is a deserialized
 * copy, and the chain must cover the bytes the store holds.
 * <p>
 * An append that committed after a later one (its global index was handed out first) reaches the processor
 * after its successors were chained without it. It is then linked in at its position and the chain after it
 * is relinked, each successor being checked against its old link first, so that the relinking cannot launder
 * an edit made in the meantime.
 */
@Component
@ProcessingGroup(EventChainRecorder.PROCESSING_GROUP)
public class EventChainRecorder {

    public static final String PROCESSING_GROUP = "event-chain";

    private final JdbcClient jdbc;

    public EventChainRecorder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EventMessage<?> message) {
        StoredEvent event = jdbc.sql(
                        "SELECT " + StoredEvent.COLUMNS + " FROM domainevententry WHERE eventidentifier = ?")
                .param(message.getIdentifier())
                .query((row, n) -> StoredEvent.read(row))
                .optional()
                .orElseThrow(() -> new IllegalStateException("Event " + message.getIdentifier() + " is not stored"));
        if (isChained(event.globalIndex())) {
            return; // a replay: the chain keeps the links it has
        }
        byte[] previous = jdbc.sql("SELECT chain_hash FROM event_chain WHERE global_index < ? "
                        + "ORDER BY global_index DESC LIMIT 1")
                .param(event.globalIndex())
                .query(byte[].class)
                .optional()
                .orElse(EventChain.GENESIS);
        byte[] hash = EventChain.link(previous, event);
        jdbc.sql("INSERT INTO event_chain (global_index, event_identifier, chain_hash) VALUES (?, ?, ?)")
                .params(event.globalIndex(), event.eventIdentifier(), hash)
                .update();
        relinkSuccessors(event.globalIndex(), previous, hash);
    }

    private boolean isChained(long globalIndex) {
        return jdbc.sql("SELECT count(*) FROM event_chain WHERE global_index = ?")
                        .param(globalIndex)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void relinkSuccessors(long globalIndex, byte[] oldPrevious, byte[] newPrevious) {
        List<ChainedEvent> successors = jdbc.sql("SELECT " + prefixed() + ", c.chain_hash FROM domainevententry d "
                        + "JOIN event_chain c ON c.global_index = d.globalindex WHERE d.globalindex > ? "
                        + "ORDER BY d.globalindex")
                .param(globalIndex)
                .query((row, n) -> new ChainedEvent(StoredEvent.read(row), row.getBytes("chain_hash")))
                .list();
        for (ChainedEvent successor : successors) {
            byte[] expected = EventChain.link(oldPrevious, successor.event());
            if (!Arrays.equals(expected, successor.chainHash())) {
                throw new IllegalStateException("Event chain broken at global index "
                        + successor.event().globalIndex() + "; refusing to relink it");
            }
            byte[] relinked = EventChain.link(newPrevious, successor.event());
            jdbc.sql("UPDATE event_chain SET chain_hash = ? WHERE global_index = ?")
                    .params(relinked, successor.event().globalIndex())
                    .update();
            oldPrevious = expected;
            newPrevious = relinked;
        }
    }

    private static String prefixed() {
        return "d." + StoredEvent.COLUMNS.replace(", ", ", d.");
    }

    private record ChainedEvent(StoredEvent event, byte[] chainHash) {}
}
