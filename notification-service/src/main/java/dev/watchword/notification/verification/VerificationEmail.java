package dev.watchword.notification.verification;

import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.mail.TemplatedEmail;
import dev.watchword.notification.token.OneTimeSecrets;
import org.springframework.stereotype.Component;

/**
 * "Confirm your email address": the link carries the token in its fragment (contract.md), which browsers
 * never send, so it reaches no access log. The token is opened from its sealed form only here, at send
 * time, and lives nowhere but in the rendered message (ASVS 5.0 V11.3).
 */
@Component
class VerificationEmail extends TemplatedEmail<EmailVerificationRequested> {

    VerificationEmail(MailTemplates templates, OneTimeSecrets secrets) {
        super(
                templates,
                of(EmailVerificationRequested.class)
                        .sentTo(EmailVerificationRequested::email)
                        .expiringAt(EmailVerificationRequested::expiresAt)
                        .with(
                                "link",
                                (event, app) -> secrets.link(
                                        app.linkBaseUrl(),
                                        EmailLinks.VERIFY_EMAIL,
                                        event.encryptedToken(),
                                        event.userId()))
                        .template("verification")
                        .subject("Confirm your email address"));
    }
}
