package dev.watchword.notification.emailchange;

import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.mail.TemplatedEmail;
import dev.watchword.notification.token.OneTimeSecrets;
import org.springframework.stereotype.Component;

/**
 * "Confirm your new email address", sent to the requested address: only someone who reads it can move the
 * account there. Dropped unsent once the link has expired.
 */
@Component
class EmailChangeConfirmationEmail extends TemplatedEmail<EmailChangeRequested> {

    EmailChangeConfirmationEmail(MailTemplates templates, OneTimeSecrets secrets) {
        super(
                templates,
                of(EmailChangeRequested.class)
                        .sentTo(EmailChangeRequested::newEmail)
                        .expiringAt(EmailChangeRequested::expiresAt)
                        .with(
                                "link",
                                (event, app) -> secrets.link(
                                        app.linkBaseUrl(),
                                        EmailLinks.CONFIRM_EMAIL_CHANGE,
                                        event.encryptedToken(),
                                        event.userId()))
                        .template("email-change-confirmation")
                        .subject("Confirm your new email address"));
    }
}
