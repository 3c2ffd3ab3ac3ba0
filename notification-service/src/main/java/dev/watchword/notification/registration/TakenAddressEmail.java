package dev.watchword.notification.registration;

import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.notification.mail.ComposedEmail;
import dev.watchword.notification.mail.EmailComposer;
import dev.watchword.notification.mail.MailTemplates;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * "Someone tried to register with your address": registration answers a taken address exactly like a new
 * one, so that it does not reveal which addresses have accounts (OWASP Authentication Cheat Sheet, "Account
 * enumeration"); the owner learns of the attempt here instead.
 */
@Component
class TakenAddressEmail implements EmailComposer<RegistrationAttemptedForTakenEmail> {

    static final String SUBJECT = "Someone tried to register with your address";
    private static final DateTimeFormatter TIME_FORMAT =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final MailTemplates templates;

    TakenAddressEmail(MailTemplates templates) {
        this.templates = templates;
    }

    @Override
    public Class<RegistrationAttemptedForTakenEmail> eventType() {
        return RegistrationAttemptedForTakenEmail.class;
    }

    @Override
    public String recipient(RegistrationAttemptedForTakenEmail event) {
        return event.email();
    }

    @Override
    public ComposedEmail compose(RegistrationAttemptedForTakenEmail event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("attemptedAt", event.attemptedAt() == null ? null : TIME_FORMAT.format(event.attemptedAt()));
        variables.put("ipAddress", event.ipAddress());
        return templates.render("taken-address", SUBJECT, variables);
    }
}
