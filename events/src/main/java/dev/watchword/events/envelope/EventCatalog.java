package dev.watchword.events.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.platform.PlatformEvent;
import dev.watchword.events.user.UserEvent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The stable wire names of the event types. A name, once published, is never reused or removed: the log and
 * the Kafka topic keep it for ever. The simple class name is the wire name, so renaming a record is a
 * breaking change that the snapshot tests report.
 * <p>
 * The types are the records that the sealed event interfaces permit, so a new event is published by adding it to
 * its interface's {@code permits} clause and nowhere else; the compiler then also shows every {@code switch} over
 * that interface that must handle it.
 */
public final class EventCatalog {

    /** Every sealed interface of events: one per kind of aggregate (stream) in the log. */
    private static final List<Class<?>> ROOTS = List.of(UserEvent.class, ClientAppEvent.class, PlatformEvent.class);

    private static final List<Class<?>> TYPES =
            ROOTS.stream().flatMap(EventCatalog::recordsPermittedBy).toList();

    private static final Map<String, Class<?>> BY_NAME =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Evolution adds optional fields: an older reader must not choke on a newer event.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCatalog() {}

    /** The mapper every service uses for envelopes and payloads: ISO-8601 instants, unknown fields ignored. */
    public static ObjectMapper json() {
        return JSON;
    }

    /** Every published event type, in the order of the {@code permits} clauses. */
    public static List<Class<?>> types() {
        return TYPES;
    }

    public static Optional<Class<?>> typeNamed(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String nameOf(Class<?> type) {
        if (!BY_NAME.containsKey(type.getSimpleName())) {
            throw new IllegalArgumentException("Not a published event type: " + type.getName());
        }
        return type.getSimpleName();
    }

    public static EventEnvelope wrap(
            String eventId,
            Object payload,
            String aggregateId,
            long sequenceNumber,
            long globalIndex,
            Instant occurredAt) {
        return new EventEnvelope(
                eventId,
                nameOf(payload.getClass()),
                null,
                aggregateId,
                sequenceNumber,
                globalIndex,
                occurredAt,
                JSON.valueToTree(payload));
    }

    /** The payload as its record, or empty for a type this reader does not know (a newer producer's). */
    public static Optional<Object> payloadOf(EventEnvelope envelope) {
        return typeNamed(envelope.type()).map(type -> {
            try {
                return JSON.treeToValue(envelope.payload(), type);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Unreadable " + envelope.type() + " " + envelope.eventId(), e);
            }
        });
    }

    public static byte[] toBytes(EventEnvelope envelope) {
        try {
            return JSON.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static EventEnvelope fromBytes(byte[] bytes) {
        try {
            return JSON.readValue(bytes, EventEnvelope.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not an event envelope", e);
        }
    }

    /**
     * The records a sealed interface permits, those of its sealed sub-interfaces included. Anything else there (a
     * class, a {@code non-sealed} interface) would let types nobody named into the log, so it stops the catalogue
     * from loading.
     */
    private static Stream<Class<?>> recordsPermittedBy(Class<?> type) {
        if (type.isRecord()) {
            return Stream.of(type);
        }
        if (!type.isSealed()) {
            throw new IllegalStateException("An event type must be a record or a sealed interface: " + type.getName());
        }
        return Arrays.stream(type.getPermittedSubclasses()).flatMap(EventCatalog::recordsPermittedBy);
    }
}
