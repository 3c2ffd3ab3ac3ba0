package dev.watchword.command.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchword.command.erasure.PersonalDataKeys;
import dev.watchword.command.erasure.PersonalDataSerializer;
import dev.watchword.command.erasure.SnapshotSerializer;
import dev.watchword.command.erasure.WhenUserErasedThenDestroyKey;
import dev.watchword.command.integrity.EventChainRecorder;
import dev.watchword.command.publishing.KafkaEventPublisher;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.User;
import dev.watchword.events.envelope.EventCatalog;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The event-sourcing set-up: Jackson for events, messages and snapshots, snapshots every
 * {@code watchword.snapshots.threshold} events, and the processors whose failures must not be swallowed. The
 * user repository and its cache are in {@link UserRepositoryConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Events per transaction of the processors that keep up with every event. */
    private static final int BATCH = 100;
    /** The processing group of {@link dev.watchword.command.admin.BootstrapAdmin}. */
    private static final String ADMIN_BOOTSTRAP = "admin-bootstrap";

    private static final Executor SNAPSHOTS = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("snapshotter").factory());

    /**
     * The serializer of messages, tokens and snapshots: the mapper of the events contract (ISO instants, unknown
     * fields ignored), with snapshots of users encrypted with the user's data key ({@link SnapshotSerializer}), so
     * that crypto-shredding reaches them too (OWASP ASVS 5.0 V14.2.4).
     */
    @Bean
    @Primary
    public Serializer serializer(PersonalDataKeys keys) {
        ObjectMapper mapper = EventCatalog.json().copy();
        return new SnapshotSerializer(
                JacksonSerializer.builder().objectMapper(mapper).build(), mapper, keys, User.class, "userId");
    }

    /**
     * The event store's serializer: the same Jackson, with the personal fields of user events encrypted per user
     * (crypto-shredding; {@link PersonalDataSerializer}).
     */
    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer(PersonalDataKeys keys) {
        ObjectMapper mapper = EventCatalog.json().copy();
        return new PersonalDataSerializer(
                JacksonSerializer.builder().objectMapper(mapper).build(), mapper, keys);
    }

    /**
     * A conflicting append (the same aggregate and sequence number) is a concurrency conflict, which callers may
     * retry, not a failure of the store ({@link UniqueViolations}).
     */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolations();
    }

    /**
     * Snapshots of users are taken from the state a command leaves behind ({@link CommittedStateSnapshotter}), any
     * other by Axon's snapshotter, which loads the aggregate anew.
     *
     * @param threshold events after which a new snapshot is taken; the default is 100
     */
    @Bean
    public SnapshotTriggerDefinition userSnapshotTrigger(
            Snapshotter snapshotter,
            EventStore eventStore,
            TransactionManager transactions,
            @Value("${watchword.snapshots.threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(
                new CommittedStateSnapshotter(
                        snapshotter, User.class, User::snapshotCopy, eventStore, transactions, SNAPSHOTS),
                threshold);
    }

    /**
     * Only snapshots of the user's current shape ({@link User#REVISION}) are read; any other (one of before a change
     * of {@link dev.watchword.command.user.UserState}'s shape, or one without a revision) is skipped, and the user is
     * loaded from its events and snapshotted anew, which also deletes the skipped one. Without it Jackson, which
     * ignores unknown fields, would read an old snapshot into a user without state. Other aggregates' snapshots
     * pass (see {@link SnapshotFilter}); Axon combines the filters of all aggregates in the event store.
     */
    @Bean(User.SNAPSHOT_FILTER)
    public SnapshotFilter userSnapshotFilter() {
        return RevisionSnapshotFilter.builder()
                .type(User.class.getSimpleName())
                .revision(User.REVISION)
                .build();
    }

    /**
     * Axon's default snapshotter, except that it runs off the command thread: a snapshot needs a connection of
     * its own, and taking it while the command still holds the aggregate's lock can starve the pool when many
     * commands queue on one hot aggregate (seen with 50 concurrent registrations of one address).
     */
    @Bean(destroyMethod = "")
    public SpringAggregateSnapshotter aggregateSnapshotter(
            org.axonframework.config.Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactions,
            SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactions)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(SNAPSHOTS)
                .build();
    }

    /**
     * @param idleWait how long a processor that has caught up waits for the next event before it renews its claim
     *                 on its segment, which is a write to the token table; the default is 3 seconds, and it must stay
     *                 well below the claim's timeout ({@code axon.eventhandling.tokenstore.claim-timeout}, 10
     *                 seconds), after which another instance may take the segment over. A new event ends the wait at
     *                 once, so this adds no delay.
     */
    @Bean
    public ConfigurerModule processorConfiguration(@Value("${watchword.processors.idle-wait:3s}") Duration idleWait) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessorConfiguration(c -> tracking(1, idleWait))
                // Same unit of work and transaction as the append: a duplicate address rolls the command back.
                .registerSubscribingEventProcessor(EmailRegistry.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(
                        EmailRegistry.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // Same transaction as UserErased: the key is destroyed exactly when the erasure is recorded.
                .registerSubscribingEventProcessor(WhenUserErasedThenDestroyKey.PROCESSING_GROUP)
                .registerListenerInvocationErrorHandler(
                        WhenUserErasedThenDestroyKey.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // A failed publish must stop the processor (it retries with backoff), never be logged and skipped.
                .registerTrackingEventProcessorConfiguration(
                        KafkaEventPublisher.PROCESSING_GROUP, c -> tracking(BATCH, idleWait))
                .registerListenerInvocationErrorHandler(
                        KafkaEventPublisher.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance())
                // A bootstrap grant that failed (database away) is retried, not skipped. Its handlers are
                // idempotent, and in batches the events it ignores (nearly all) cost one token write per batch.
                .registerTrackingEventProcessorConfiguration(ADMIN_BOOTSTRAP, c -> tracking(BATCH, idleWait))
                .registerListenerInvocationErrorHandler(ADMIN_BOOTSTRAP, c -> PropagatingErrorHandler.instance())
                // A batch is chained with three statements and one commit (EventChainRecorder).
                .registerTrackingEventProcessorConfiguration(
                        EventChainRecorder.PROCESSING_GROUP, c -> tracking(BATCH, idleWait))
                .registerListenerInvocationErrorHandler(
                        EventChainRecorder.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance()));
    }

    /** One thread, one segment; a batch is one transaction with one write of the processor's token. */
    private static TrackingEventProcessorConfiguration tracking(int batchSize, Duration idleWait) {
        return TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                .andBatchSize(batchSize)
                .andEventAvailabilityTimeout(idleWait.toMillis(), TimeUnit.MILLISECONDS);
    }
}
