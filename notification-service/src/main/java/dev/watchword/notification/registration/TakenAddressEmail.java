package dev.watchword.notification.registration;

import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.mail.TemplatedEmail;
import org.springframework.stereotype.Component;

/**
 * "Someone tried to register with your address": registration answers a taken address exactly like a new
 * one, so that it does not reveal which addresses have accounts (OWASP Authentication Cheat Sheet, "Account
 * enumeration"); the owner learns of the attempt here instead. Either detail may be missing; the template
 * leaves it out.
 */
@Component
class TakenAddressEmail extends TemplatedEmail<RegistrationAttemptedForTakenEmail> {

    TakenAddressEmail(MailTemplates templates) {
        super(
                templates,
                of(RegistrationAttemptedForTakenEmail.class)
                        .sentTo(RegistrationAttemptedForTakenEmail::email)
                        .with("attemptedAt", event -> EmailTimes.format(event.attemptedAt()))
                        .with("ipAddress", RegistrationAttemptedForTakenEmail::ipAddress)
                        .template("taken-address")
                        .subject("Someone tried to register with your address"));
    }
}
