package dev.watchword.command.axon;

import dev.watchword.command.user.User;
import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The repository of {@link User}s: event-sourced from the latest snapshot, and cached, so that a refresh or a login
 * of a user seen recently reads one sequence number instead of a snapshot and up to a threshold's worth of events
 * ({@link CheckedCachingRepository}).
 */
@Configuration(proxyBeanMethods = false)
public class UserRepositoryConfiguration {

    /**
     * @param maximumSize users kept loaded ({@code WATCHWORD_USERS_CACHE_SIZE}); the default is 5000. A user with one
     *                    session takes a few kilobytes (the session keeps the hashes of its last 50 refresh tokens).
     * @param idleTime    how long a user stays loaded after its last command ({@code WATCHWORD_USERS_CACHE_IDLE});
     *                    the default is 10 minutes
     */
    @Bean
    public Cache userCache(
            @Value("${watchword.users.cache-size:5000}") long maximumSize,
            @Value("${watchword.users.cache-idle:10m}") Duration idleTime) {
        return new BoundedCache(maximumSize, idleTime);
    }

    @Bean(User.REPOSITORY)
    public EventSourcingRepository<User> userRepository(
            EventStore eventStore,
            @Qualifier("userCache") Cache userCache,
            @Qualifier("userSnapshotTrigger") SnapshotTriggerDefinition userSnapshotTrigger,
            ParameterResolverFactory parameterResolverFactory,
            HandlerDefinition handlerDefinition,
            org.axonframework.config.Configuration configuration) {
        return new CheckedCachingRepository<>(
                EventSourcingRepository.builder(User.class)
                        .parameterResolverFactory(parameterResolverFactory)
                        .handlerDefinition(handlerDefinition)
                        .snapshotTriggerDefinition(userSnapshotTrigger)
                        .repositoryProvider(configuration::repository),
                eventStore,
                userCache);
    }
}
