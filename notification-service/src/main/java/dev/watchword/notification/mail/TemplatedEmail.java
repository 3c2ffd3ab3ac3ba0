package dev.watchword.notification.mail;

import dev.watchword.notification.app.AppEmailSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * An email rendered from {@code templates/mail/<template>} with variables read off its event. Each use case
 * subclasses it in its own package and only declares what is its own:
 * <pre>{@code
 * super(templates, of(EmailVerificationRequested.class)
 *         .sentTo(EmailVerificationRequested::email)
 *         .expiringAt(EmailVerificationRequested::expiresAt)
 *         .with("link", (event, app) -> secrets.link(app.linkBaseUrl(), EmailLinks.VERIFY_EMAIL,
 *                 event.encryptedToken(), event.userId()))
 *         .template("verification")
 *         .subject("Confirm your email address"));
 * }</pre>
 * Variables are read only in {@link #compose}, when the email is about to be sent, so that a variable that
 * opens a sealed one-time secret does so in memory at send time and the outbox keeps the event sealed, as it
 * came (ASVS 5.0 V11.3). A variable that points somewhere reads the recipient's app settings ({@code app});
 * the From display name is the app's {@code senderName}.
 *
 * @param <E> the event record that triggers the email
 */
public abstract class TemplatedEmail<E> implements EmailComposer<E> {

    private final MailTemplates templates;
    private final Class<E> eventType;
    private final Function<E, String> recipient;
    private final Function<E, Instant> expiresAt;
    private final List<Variable<E>> variables;
    private final String template;
    private final String subject;

    protected TemplatedEmail(MailTemplates templates, Definition<E> definition) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.eventType = definition.eventType;
        this.recipient = Objects.requireNonNull(definition.recipient, "sentTo");
        this.expiresAt = definition.expiresAt;
        this.variables = List.copyOf(definition.variables);
        this.template = Objects.requireNonNull(definition.template, "template");
        this.subject = Objects.requireNonNull(definition.subject, "subject");
    }

    /** Starts the definition of the email that {@code eventType} triggers. */
    protected static <E> Definition<E> of(Class<E> eventType) {
        return new Definition<>(eventType);
    }

    @Override
    public final Class<E> eventType() {
        return eventType;
    }

    @Override
    public final String recipient(E event) {
        return recipient.apply(event);
    }

    @Override
    public final Optional<Instant> expiresAt(E event) {
        return expiresAt == null ? Optional.empty() : Optional.ofNullable(expiresAt.apply(event));
    }

    @Override
    public final ComposedEmail compose(E event, AppEmailSettings app) {
        // HashMap, not Map.of: a value may be missing, and the templates leave it out.
        Map<String, Object> values = new HashMap<>();
        for (Variable<E> variable : variables) {
            values.put(variable.name(), variable.value().apply(event, app));
        }
        return templates.render(template, app.senderName(), subject, values);
    }

    private record Variable<E>(String name, BiFunction<E, AppEmailSettings, ?> value) {}

    /** What differs from one email to the next; read once, by the {@link TemplatedEmail} constructor. */
    protected static final class Definition<E> {

        private final Class<E> eventType;
        private final List<Variable<E>> variables = new ArrayList<>();
        private Function<E, String> recipient;
        private Function<E, Instant> expiresAt;
        private String template;
        private String subject;

        private Definition(Class<E> eventType) {
            this.eventType = Objects.requireNonNull(eventType, "eventType");
        }

        /** The event field holding the address the email goes to. Required. */
        public Definition<E> sentTo(Function<E, String> recipient) {
            this.recipient = recipient;
            return this;
        }

        /**
         * When the email becomes pointless (a link or code that no longer works): past it, the email is dropped
         * unsent. The email states it as {@code expiresAt}, formatted by {@link EmailTimes#format}. Without it,
         * the email never expires.
         */
        public Definition<E> expiringAt(Function<E, Instant> expiresAt) {
            this.expiresAt = expiresAt;
            return with("expiresAt", event -> EmailTimes.format(expiresAt.apply(event)));
        }

        /** A template variable, read off the event when the email is composed for sending. */
        public Definition<E> with(String name, Function<E, ?> value) {
            Objects.requireNonNull(value, name);
            return with(name, (event, app) -> value.apply(event));
        }

        /**
         * A template variable that depends on the recipient's client app too (a link points to its
         * {@code linkBaseUrl}), read when the email is composed for sending.
         */
        public Definition<E> with(String name, BiFunction<E, AppEmailSettings, ?> value) {
            variables.add(new Variable<>(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name)));
            return this;
        }

        /** The name of the {@code .txt} and {@code .html} pair under {@code templates/mail/}. Required. */
        public Definition<E> template(String template) {
            this.template = template;
            return this;
        }

        /** The subject line, also a template variable as {@code subject}. Required. */
        public Definition<E> subject(String subject) {
            this.subject = subject;
            return this;
        }
    }
}
