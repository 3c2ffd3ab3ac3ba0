package dev.watchword.notification.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.user.UserEvent;
import dev.watchword.notification.app.AppEmailSettings;
import dev.watchword.notification.app.AppEmailSettingsLookup;
import dev.watchword.notification.token.OneTimeSecretProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The use cases' {@link EmailComposer}s, looked up by the wire name of the event that triggers them. */
@Component
class EmailComposers {

    /** What the outbox keeps of an event when it arrives. */
    record Addressing(String recipient, Instant expiresAt) {}

    private final Map<String, EmailComposer<?>> byEventType;
    private final AppEmailSettingsLookup apps;
    /** The default app's: the service's configuration, as before there were client apps. */
    private final AppEmailSettings defaultApp;

    EmailComposers(
            List<EmailComposer<?>> composers,
            AppEmailSettingsLookup apps,
            OneTimeSecretProperties links,
            OutgoingMailProperties mail) {
        this.byEventType = composers.stream()
                .collect(Collectors.toUnmodifiableMap(
                        composer -> EventCatalog.nameOf(composer.eventType()), Function.identity()));
        this.apps = apps;
        this.defaultApp = new AppEmailSettings(
                links.publicUrl().toString(), mail.fromAddress().getPersonal());
    }

    boolean composeFor(Object event) {
        return byEventType.containsKey(EventCatalog.nameOf(event.getClass()));
    }

    /** Empty when no email belongs to this event. */
    Optional<Addressing> address(Object event) {
        return Optional.ofNullable(byEventType.get(EventCatalog.nameOf(event.getClass())))
                .map(composer -> address(composer, event));
    }

    /**
     * Renders the email with the settings of the recipient's app as they stand now, not as they stood when the
     * event arrived. The outbox keeps no rendering to preserve: it stores the event with its secret sealed and
     * renders at each attempt (ASVS 5.0 V11.3), so an email sent keeps the rendering it was sent with, and one
     * still waiting follows a change. That is what an admin changing the link base URL wants, typically
     * because the old one is wrong or going away: no email still in the outbox points there afterwards.
     *
     * @throws IllegalStateException when no composer is registered any more for a stored row's type, or the
     *                               recipient's app settings have not arrived yet (the row is retried)
     * @throws IllegalArgumentException when the stored payload no longer reads as its event
     */
    ComposedEmail compose(OutgoingEmail email) {
        EmailComposer<?> composer = byEventType.get(email.eventType());
        if (composer == null) {
            throw new IllegalStateException("No email composer for " + email.eventType());
        }
        return compose(composer, email.payload());
    }

    private <E> ComposedEmail compose(EmailComposer<E> composer, String payload) {
        E event = read(composer, payload);
        return composer.compose(event, settingsFor(event));
    }

    private AppEmailSettings settingsFor(Object event) {
        if (!(event instanceof UserEvent userEvent)) {
            // Every email is about one user today; one that is not would be the platform's own.
            return defaultApp;
        }
        return apps.ofUser(userEvent.userId())
                .map(app -> app.orElse(defaultApp))
                .orElse(defaultApp);
    }

    private static <E> Addressing address(EmailComposer<E> composer, Object event) {
        E typed = composer.eventType().cast(event);
        return new Addressing(
                composer.recipient(typed), composer.expiresAt(typed).orElse(null));
    }

    private static <E> E read(EmailComposer<E> composer, String payload) {
        try {
            return EventCatalog.json().readValue(payload, composer.eventType());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Stored payload does not read as " + composer.eventType(), e);
        }
    }
}
