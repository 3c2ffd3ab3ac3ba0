package dev.watchword.command.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Extends the event chain by each stored event, in a tracking processor (one segment, from the start of the
 * log) whose token commits in the same transaction as the chain rows; a failure stops the processor and is
 * retried, never skipped. The rows are read back from {@code domainevententry}: the message is a deserialized
 * copy, and the chain must cover the bytes the store holds.
 * <p>
 * A batch of the processor is chained at once, when its unit of work prepares to commit: one read of the batch's
 * rows, one of the chain's tail and one batched insert, instead of four statements and a commit per event.
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

    private static final String PENDING = EventChainRecorder.class.getName() + ".pending";

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;

    public EventChainRecorder(JdbcClient jdbc, JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.batches = batches;
    }

    @EventHandler
    void on(EventMessage<?> message) {
        pending().add(message.getIdentifier());
    }

    private Set<String> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, key -> {
            Set<String> identifiers = new LinkedHashSet<>();
            batch.onPrepareCommit(u -> chain(identifiers));
            return identifiers;
        });
    }

    private void chain(Set<String> identifiers) {
        List<StoredEvent> events = stored(identifiers);
        Optional<Link> tail = jdbc.sql(
                        "SELECT global_index, chain_hash FROM event_chain ORDER BY global_index DESC LIMIT 1")
                .query((row, n) -> new Link(row.getLong("global_index"), row.getBytes("chain_hash")))
                .optional();
        if (tail.isEmpty() || tail.get().globalIndex() < events.getFirst().globalIndex()) {
            append(events, tail.map(Link::chainHash).orElse(EventChain.GENESIS));
            return;
        }
        // A replay, or an append that committed late: each event on its own, as before batching.
        events.forEach(this::chainOne);
    }

    /** The batch's rows in the order of the log; every one of them must be there. */
    private List<StoredEvent> stored(Set<String> identifiers) {
        List<StoredEvent> events = new ArrayList<>(
                jdbc.sql("SELECT " + StoredEvent.COLUMNS + " FROM domainevententry WHERE eventidentifier = ANY (?)")
                        .param(identifiers.toArray(String[]::new))
                        .query((row, n) -> StoredEvent.read(row))
                        .list());
        if (events.size() != identifiers.size()) {
            events.forEach(event -> identifiers.remove(event.eventIdentifier()));
            throw new IllegalStateException("Events " + identifiers + " are not stored");
        }
        events.sort(Comparator.comparingLong(StoredEvent::globalIndex));
        return events;
    }

    /** Links events that all come after the chain's tail, whose hash is {@code previous}. */
    private void append(List<StoredEvent> events, byte[] previous) {
        List<Object[]> rows = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            previous = EventChain.link(previous, event);
            rows.add(new Object[] {event.globalIndex(), event.eventIdentifier(), previous});
        }
        batches.batchUpdate(
                "INSERT INTO event_chain (global_index, event_identifier, chain_hash) VALUES (?, ?, ?)", rows);
    }

    private void chainOne(StoredEvent event) {
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

    private record Link(long globalIndex, byte[] chainHash) {}

    private record ChainedEvent(StoredEvent event, byte[] chainHash) {}
}
