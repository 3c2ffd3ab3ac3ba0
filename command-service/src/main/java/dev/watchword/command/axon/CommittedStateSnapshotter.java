package dev.watchword.command.axon;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the snapshot a command's events call for from the aggregate that command leaves behind, instead of loading
 * the aggregate once more from its last snapshot and every event after it (Axon's snapshotter): replaying a hundred
 * events cost about as much again as the hundred commands that appended them. The aggregate is copied while the
 * command still holds its lock ({@code copy}: the state must be immutable, so a shallow copy is frozen), and stored
 * once the command committed; a command that rolls back stores nothing. Any other request (an aggregate not saved
 * by the current command, a snapshot asked for outside a commit) goes to {@code replaying}.
 */
class CommittedStateSnapshotter implements Snapshotter {

    private static final Logger LOG = LoggerFactory.getLogger(CommittedStateSnapshotter.class);
    private static final String SAVED = CommittedStateSnapshotter.class.getName() + ".saved";

    private final Snapshotter replaying;
    private final Class<?> aggregateType;
    private final UnaryOperator<Object> copy;
    private final EventStore eventStore;
    private final TransactionManager transactions;
    private final Executor executor;

    @SuppressWarnings("unchecked")
    <T> CommittedStateSnapshotter(
            Snapshotter replaying,
            Class<T> aggregateType,
            UnaryOperator<T> copy,
            EventStore eventStore,
            TransactionManager transactions,
            Executor executor) {
        this.replaying = replaying;
        this.aggregateType = aggregateType;
        this.copy = root -> copy.apply((T) root);
        this.eventStore = eventStore;
        this.transactions = transactions;
        this.executor = executor;
    }

    /** Called by the repository as it saves an aggregate in the current unit of work. */
    static void saved(EventSourcedAggregate<?> aggregate) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork
                .<Map<String, EventSourcedAggregate<?>>>getOrComputeResource(SAVED, key -> new HashMap<>())
                .put(aggregate.identifierAsString(), aggregate);
    }

    @Override
    public void scheduleSnapshot(Class<?> type, String aggregateIdentifier) {
        EventSourcedAggregate<?> saved = savedByThisCommand(type, aggregateIdentifier);
        if (saved == null || saved.version() == null) {
            replaying.scheduleSnapshot(type, aggregateIdentifier);
            return;
        }
        long sequence = saved.version();
        Object frozen = copy.apply(saved.getAggregateRoot());
        String aggregateTypeName = saved.type();
        CurrentUnitOfWork.get()
                .afterCommit(u -> executor.execute(() -> {
                    try {
                        transactions.executeInTransaction(
                                () -> eventStore.storeSnapshot(new GenericDomainEventMessage<>(
                                        aggregateTypeName, aggregateIdentifier, sequence, frozen)));
                    } catch (RuntimeException e) {
                        // A later snapshot takes its place; until then the aggregate loads from the previous one.
                        LOG.warn(
                                "Snapshot of {} at sequence {} not stored: {}",
                                aggregateIdentifier,
                                sequence,
                                e.toString());
                    }
                }));
    }

    private EventSourcedAggregate<?> savedByThisCommand(Class<?> type, String aggregateIdentifier) {
        if (!aggregateType.equals(type)
                || !CurrentUnitOfWork.isStarted()
                || CurrentUnitOfWork.get().phase() != UnitOfWork.Phase.PREPARE_COMMIT) {
            return null;
        }
        Map<String, EventSourcedAggregate<?>> saved = CurrentUnitOfWork.get().getResource(SAVED);
        return saved == null ? null : saved.get(aggregateIdentifier);
    }
}
