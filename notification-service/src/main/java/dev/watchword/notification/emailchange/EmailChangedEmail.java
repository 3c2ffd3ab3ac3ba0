package dev.watchword.notification.emailchange;

import dev.watchword.events.user.EmailChanged;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.mail.TemplatedEmail;
import org.springframework.stereotype.Component;

/**
 * "Your email address was changed", sent to the previous address: after a takeover it is the one the owner
 * still reads, and every later email goes to the new one.
 */
@Component
class EmailChangedEmail extends TemplatedEmail<EmailChanged> {

    EmailChangedEmail(MailTemplates templates) {
        super(
                templates,
                of(EmailChanged.class)
                        .sentTo(EmailChanged::previousEmail)
                        .with("newEmail", EmailChanged::email)
                        .with("changedAt", event -> EmailTimes.format(event.changedAt()))
                        .template("email-changed")
                        .subject("Your email address was changed"));
    }
}
