package dev.watchword.notification.eventstream;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the events come from and how a record whose outbox row could not be written is retried.
 *
 * @param topic                the topic command-service publishes envelopes to. The default is
 *                             {@code watchword.events} ({@code WATCHWORD_EVENTS_TOPIC}).
 * @param retryInitialInterval wait before the first redelivery of a failed record; doubles per attempt.
 *                             The default is 1 second.
 * @param retryMaxInterval     longest wait between two redeliveries; there is no last one. Keep it below the
 *                             consumer's {@code max.poll.interval.ms}. The default is 30 seconds.
 * @param signingKey           the key of the envelopes' HMAC-SHA-256 ({@code WATCHWORD_EVENTS_SIGNING_KEY}, 32 random
 *                             bytes, base64, the same as command-service's). Records without a valid signature are
 *                             skipped. No default: the service does not start without it.
 */
@Validated
@ConfigurationProperties("watchword.events")
public record EventStreamProperties(
        @DefaultValue("watchword.events") @NotBlank String topic,
        @DefaultValue("1s") @NotNull Duration retryInitialInterval,
        @DefaultValue("30s") @NotNull Duration retryMaxInterval,
        @NotBlank String signingKey) {

    @Override
    public String toString() {
        return "EventStreamProperties[topic=" + topic + ", retryInitialInterval=" + retryInitialInterval
                + ", retryMaxInterval=" + retryMaxInterval + ", signingKey=***]";
    }
}
