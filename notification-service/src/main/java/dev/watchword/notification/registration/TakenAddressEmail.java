package dev.watchword.notification.registration;

import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.notification.mail.ComposedEmail;
import dev.watchword.notification.mail.EmailComposer;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * "Someone tried to register with your address": registration answers a taken address exactly like a new
 * one, so that it does not reveal which addresses have accounts (OWASP Authentication Cheat Sheet, "Account
 * enumeration"); the owner learns of the attempt here instead.
 */
@Component
class TakenAddressEmail implements EmailComposer<RegistrationAttemptedForTakenEmail> {

    static final String SUBJECT = "Someone tried to register with your address";

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
        // HashMap, not Map.of: either value may be missing, and the template leaves it out.
        variables.put("attemptedAt", EmailTimes.format(event.attemptedAt()));
        variables.put("ipAddress", event.ipAddress());
        return templates.render("taken-address", SUBJECT, variables);
    }
}
