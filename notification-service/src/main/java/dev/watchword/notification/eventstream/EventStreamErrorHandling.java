package dev.watchword.notification.eventstream;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A record that failed (the database is down, say) is redelivered with exponential back-off until it
 * succeeds: skipping it would lose an email for good, since its offset would be committed. Spring Boot wires
 * this handler into the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
class EventStreamErrorHandling {

    @Bean
    DefaultErrorHandler eventStreamErrorHandler(EventStreamProperties properties) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(properties.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(properties.retryMaxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, e) -> {
                    throw new IllegalStateException("Unreachable: the back-off never ends", e);
                },
                backOff);
        // By default some exception types skip the retries and go to the recoverer, i.e. are dropped. Records
        // that can never succeed are skipped by the listener itself, so everything that reaches here is retried.
        handler.setClassifications(Map.of(), true);
        return handler;
    }
}
