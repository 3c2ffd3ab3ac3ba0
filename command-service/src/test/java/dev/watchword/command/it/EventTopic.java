package dev.watchword.command.it;

import static org.awaitility.Awaitility.await;

import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the events topic from the beginning, as a downstream service would. */
final class EventTopic implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    EventTopic(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "it-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Waits until the aggregate's events include {@code type}, and returns all of them seen so far, in order. */
    List<EventEnvelope> awaitEvent(String aggregateId, String type, Duration atMost) {
        await().atMost(atMost).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return eventsOf(aggregateId).stream().anyMatch(e -> e.type().equals(type));
        });
        return eventsOf(aggregateId);
    }

    List<ConsumerRecord<String, byte[]>> recordsOf(String aggregateId) {
        return seen.stream().filter(r -> aggregateId.equals(r.key())).toList();
    }

    private List<EventEnvelope> eventsOf(String aggregateId) {
        return recordsOf(aggregateId).stream()
                .map(r -> EventCatalog.fromBytes(r.value()))
                .toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
