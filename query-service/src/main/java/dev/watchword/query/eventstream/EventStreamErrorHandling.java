package dev.watchword.query.eventstream;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens when applying an event throws. Unreadable messages never get here (the listener skips them),
 * so whatever does is an infrastructure failure such as the database being down: the record is sought back
 * and retried with exponential back-off, without a time or attempt limit, so it is never skipped and the
 * events after it on its partition keep their order.
 */
@Configuration(proxyBeanMethods = false)
class EventStreamErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(EventStreamErrorHandling.class);

    /** Picked up by Spring Boot's listener container factory. */
    @Bean
    DefaultErrorHandler eventStreamErrorHandler(EventStreamProperties properties) {
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, failure) ->
                        log.error("Gave up on {}-{}@{}", record.topic(), record.partition(), record.offset(), failure),
                backOff(properties.retry()));
        // The default classification would give up at once on e.g. ClassCastException: retry everything.
        handler.setClassifications(Map.of(), true);
        handler.setRetryListeners((record, failure, attempt) -> log.warn(
                "Attempt {} at {}-{}@{} failed: {}",
                attempt,
                record.topic(),
                record.partition(),
                record.offset(),
                NestedExceptionUtils.getMostSpecificCause(failure).toString()));
        return handler;
    }

    static ExponentialBackOff backOff(EventStreamProperties.Retry retry) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        // Stated, not inherited: an event is retried until the database is back, never dropped.
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Integer.MAX_VALUE);
        return backOff;
    }
}
