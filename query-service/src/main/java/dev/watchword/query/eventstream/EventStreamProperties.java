package dev.watchword.query.eventstream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the events come from and how a failing one is retried.
 *
 * @param topic the Kafka topic of {@code EventEnvelope}s ({@code WATCHWORD_EVENTS_TOPIC}). The default is
 *              {@code watchword.events}.
 * @param retry back-off for events that failed for an infrastructure reason
 * @param signingKey the key of the envelopes' HMAC-SHA-256 ({@code WATCHWORD_EVENTS_SIGNING_KEY}, 32 random bytes,
 *                   base64, the same as command-service's). Records without a valid signature are skipped. No
 *                   default: the service does not start without it.
 */
@Validated
@ConfigurationProperties("watchword.events")
public record EventStreamProperties(
        @NotBlank @DefaultValue("watchword.events") String topic,
        @NotNull @Valid @DefaultValue Retry retry,
        @NotBlank String signingKey) {

    @Override
    public String toString() {
        return "EventStreamProperties[topic=" + topic + ", retry=" + retry + ", signingKey=***]";
    }

    /**
     * Exponential back-off without an end: an event is retried until it is applied, never skipped.
     *
     * @param initialInterval wait before the first retry. The default is 1 second.
     * @param multiplier      growth of the wait per attempt. The default is 2.
     * @param maxInterval     longest wait between two attempts. The default is 30 seconds, well below Kafka's
     *                        {@code max.poll.interval.ms} (5 minutes), so the consumer keeps its partitions.
     */
    public record Retry(
            @NotNull @DefaultValue("1s") Duration initialInterval,
            @DecimalMin("1.0") @DefaultValue("2.0") double multiplier,
            @NotNull @DefaultValue("30s") Duration maxInterval) {}
}
