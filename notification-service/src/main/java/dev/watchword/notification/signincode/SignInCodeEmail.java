package dev.watchword.notification.signincode;

import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.mail.TemplatedEmail;
import dev.watchword.notification.token.OneTimeSecrets;
import org.springframework.stereotype.Component;

/**
 * "Your sign-in code": a one-time code, typed by the user into the page that asked for it. The code is
 * opened from {@code encryptedCode} only here, at send time; the outbox keeps it sealed and nothing logs it
 * (ASVS 5.0 V11.3). The subject leaves it out, so that it does not show on a locked screen's notification.
 */
@Component
class SignInCodeEmail extends TemplatedEmail<EmailOtpRequested> {

    SignInCodeEmail(MailTemplates templates, OneTimeSecrets secrets) {
        super(
                templates,
                of(EmailOtpRequested.class)
                        .sentTo(EmailOtpRequested::email)
                        .expiringAt(EmailOtpRequested::expiresAt)
                        .with("code", event -> secrets.open(event.encryptedCode(), event.userId()))
                        .with("validFor", event -> EmailTimes.lengthBetween(event.requestedAt(), event.expiresAt()))
                        .with("ipAddress", EmailOtpRequested::ipAddress)
                        .template("sign-in-code")
                        .subject("Your sign-in code"));
    }
}
