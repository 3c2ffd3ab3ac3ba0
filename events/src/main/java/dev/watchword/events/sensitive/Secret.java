package dev.watchword.events.sensitive;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component of an event that holds a credential or one-time secret in the only forms an event may hold one:
 * a hash, or sealed for the one service that must open it (CONVENTIONS.md). Nobody who reads the log needs the
 * value itself, so an auditor sees it redacted. The services treat a field by its name in every event, so a name
 * once marked must be marked wherever an event has it; {@link SensitiveFields} collects the names.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Secret {

    /**
     * Whether the Kafka topic carries the value. The default is {@code false}: only the event store keeps it and
     * the topic carries {@code null} ({@code WithheldFields}), as for every hash of a credential that
     * command-service alone checks. {@code true} for the sealed secrets notification-service opens and for the hash
     * by which query-service recognizes an API key.
     */
    boolean published() default false;
}
