package dev.watchword.command.publishing;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how events are published.
 *
 * @param topic      the Kafka topic of {@code EventEnvelope}s ({@code WATCHWORD_EVENTS_TOPIC}). The default is
 *                   {@code watchword.events}.
 * @param signingKey the key of the envelopes' HMAC-SHA-256 ({@code WATCHWORD_EVENTS_SIGNING_KEY}, 32 random
 *                   bytes, base64), shared with query-service and notification-service, which apply only records
 *                   signed with it. No default: the service does not start without it.
 */
@Validated
@ConfigurationProperties("watchword.events")
public record PublishingProperties(
        @NotBlank @DefaultValue("watchword.events") String topic,
        @NotBlank String signingKey) {

    @Override
    public String toString() {
        return "PublishingProperties[topic=" + topic + ", signingKey=***]";
    }
}
