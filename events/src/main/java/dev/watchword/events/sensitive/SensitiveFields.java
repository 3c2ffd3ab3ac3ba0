package dev.watchword.events.sensitive;

import dev.watchword.events.envelope.EventCatalog;
import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The names of the fields marked {@link Personal} or {@link Secret} on the published event records, and on the
 * records nested in them. The services work on payloads as JSON, where a field is known by its name alone, so the
 * markers on the records are read once here into the sets of names they use.
 */
public final class SensitiveFields {

    private SensitiveFields() {}

    /** The {@link Personal} fields of the event types that are {@code kind}s ({@code UserEvent}). */
    public static Set<String> personalIn(Class<?> kind) {
        return namesOf(EventCatalog.types().stream().filter(kind::isAssignableFrom), Personal.class, marker -> true);
    }

    /** Every {@link Secret} field of every event type. */
    public static Set<String> secrets() {
        return namesOf(EventCatalog.types().stream(), Secret.class, secret -> true);
    }

    /** The {@link Secret} fields that the Kafka topic never carries ({@code published = false}). */
    public static Set<String> withheld() {
        return namesOf(EventCatalog.types().stream(), Secret.class, secret -> !secret.published());
    }

    private static <A extends Annotation> Set<String> namesOf(
            Stream<Class<?>> types, Class<A> marker, Predicate<A> which) {
        return types.flatMap(SensitiveFields::componentsOf)
                .filter(component -> {
                    A annotation = component.getAnnotation(marker);
                    return annotation != null && which.test(annotation);
                })
                .map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The record's components, and those of the records among them ({@code AppSettings} in its event). */
    static Stream<RecordComponent> componentsOf(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .flatMap(component -> component.getType().isRecord()
                        ? Stream.concat(Stream.of(component), componentsOf(component.getType()))
                        : Stream.of(component));
    }
}
