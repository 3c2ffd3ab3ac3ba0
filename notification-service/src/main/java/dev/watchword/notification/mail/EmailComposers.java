package dev.watchword.notification.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.watchword.events.envelope.EventCatalog;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The use cases' {@link EmailComposer}s, looked up by the wire name of the event that triggers them. */
@Component
class EmailComposers {

    /** What the outbox keeps of an event when it arrives. */
    record Addressing(String recipient, Instant expiresAt) {
    }

    private final Map<String, EmailComposer<?>> byEventType;

    EmailComposers(List<EmailComposer<?>> composers) {
        this.byEventType = composers.stream().collect(Collectors.toUnmodifiableMap(
                composer -> EventCatalog.nameOf(composer.eventType()), Function.identity()));
    }

    /** Empty when no email belongs to this event. */
    Optional<Addressing> address(Object event) {
        return Optional.ofNullable(byEventType.get(EventCatalog.nameOf(event.getClass())))
                .map(composer -> address(composer, event));
    }

    /**
     * @throws IllegalStateException when no composer is registered any more for a stored row's type
     * @throws IllegalArgumentException when the stored payload no longer reads as its event
     */
    ComposedEmail compose(OutgoingEmail email) {
        EmailComposer<?> composer = byEventType.get(email.eventType());
        if (composer == null) {
            throw new IllegalStateException("No email composer for " + email.eventType());
        }
        return compose(composer, email.payload());
    }

    private static <E> Addressing address(EmailComposer<E> composer, Object event) {
        E typed = composer.eventType().cast(event);
        return new Addressing(composer.recipient(typed), composer.expiresAt(typed).orElse(null));
    }

    private static <E> ComposedEmail compose(EmailComposer<E> composer, String payload) {
        try {
            return composer.compose(EventCatalog.json().readValue(payload, composer.eventType()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Stored payload does not read as " + composer.eventType(), e);
        }
    }
}
