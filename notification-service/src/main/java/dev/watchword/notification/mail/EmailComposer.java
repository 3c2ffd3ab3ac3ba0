package dev.watchword.notification.mail;

import dev.watchword.notification.app.AppEmailSettings;
import java.time.Instant;
import java.util.Optional;

/**
 * One kind of email, triggered by one event type. Implemented per use case, by extending {@link TemplatedEmail};
 * the outbox calls {@link #recipient} and {@link #expiresAt} when the event arrives, and {@link #compose} only
 * when the email is about to be sent, so that secrets are opened in memory and never stored rendered.
 *
 * @param <E> the event record that triggers the email
 */
public interface EmailComposer<E> {

    Class<E> eventType();

    String recipient(E event);

    /** The instant after which the email is pointless (a link that no longer works); empty if never. */
    default Optional<Instant> expiresAt(E event) {
        return Optional.empty();
    }

    /** @param app the settings of the recipient's client app as they stand now */
    ComposedEmail compose(E event, AppEmailSettings app);
}
