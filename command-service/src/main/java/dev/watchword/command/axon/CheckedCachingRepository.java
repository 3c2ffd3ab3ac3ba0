package dev.watchword.command.axon;

import java.util.Objects;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;

/**
 * An event-sourcing repository with a cache of loaded aggregates that answers only with an aggregate as recent as
 * the event store: before a cached aggregate is used, the store's last sequence number of it is read (one index
 * lookup), and if another instance of the service appended since, the aggregate is loaded anew from its snapshot
 * and events. Axon's own caching repository trusts its cache until an append conflicts; that keeps a stale cache
 * from accepting a refresh token another instance rotated, but a decision that appends nothing (a rejected
 * refresh, a session the cache does not know yet) would be taken on stale state.
 * <p>
 * The check is not a lock: an append by another instance between the check and this command's own append still
 * conflicts on the sequence number (the store's unique key), which rolls the command back and evicts the entry,
 * as in Axon's repository.
 *
 * @param <T> the aggregate's type
 */
class CheckedCachingRepository<T> extends EventSourcingRepository<T> {

    private final Cache cache;
    private final EventStore eventStore;

    CheckedCachingRepository(EventSourcingRepository.Builder<T> builder, EventStore eventStore, Cache cache) {
        super(builder.eventStore(eventStore));
        this.eventStore = eventStore;
        this.cache = cache;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        EventSourcedAggregate<T> cached = cache.get(aggregateIdentifier);
        if (cached != null) {
            if (Objects.equals(cached.version(), lastStoredSequence(aggregateIdentifier))) {
                CurrentUnitOfWork.get().onRollback(u -> cache.remove(aggregateIdentifier));
                if (cached.isDeleted()) {
                    throw new AggregateDeletedException(aggregateIdentifier);
                }
                return cached;
            }
            cache.remove(aggregateIdentifier);
        }
        return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
    }

    @Override
    protected void validateOnLoad(Aggregate<T> aggregate, Long expectedVersion) {
        CurrentUnitOfWork.get().onRollback(u -> cache.remove(aggregate.identifierAsString()));
        super.validateOnLoad(aggregate, expectedVersion);
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<T> aggregate) {
        super.doSaveWithLock(aggregate);
        remember(aggregate);
    }

    @Override
    protected void doDeleteWithLock(EventSourcedAggregate<T> aggregate) {
        super.doDeleteWithLock(aggregate);
        remember(aggregate);
    }

    /** Cached as the command leaves it; a rollback of the command (a conflicting append among others) evicts it. */
    private void remember(EventSourcedAggregate<T> aggregate) {
        String key = aggregate.identifierAsString();
        CurrentUnitOfWork.get().onRollback(u -> cache.remove(key));
        cache.put(key, aggregate);
        CommittedStateSnapshotter.saved(aggregate);
    }

    private Long lastStoredSequence(String aggregateIdentifier) {
        return eventStore.lastSequenceNumberFor(aggregateIdentifier).orElse(null);
    }
}
