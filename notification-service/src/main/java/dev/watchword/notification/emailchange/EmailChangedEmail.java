package dev.watchword.notification.emailchange;

import dev.watchword.events.user.EmailChanged;
import dev.watchword.notification.mail.ComposedEmail;
import dev.watchword.notification.mail.EmailComposer;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * "Your email address was changed", sent to the previous address: after a takeover it is the one the owner
 * still reads, and every later email goes to the new one.
 */
@Component
class EmailChangedEmail implements EmailComposer<EmailChanged> {

    static final String SUBJECT = "Your email address was changed";

    private final MailTemplates templates;

    EmailChangedEmail(MailTemplates templates) {
        this.templates = templates;
    }

    @Override
    public Class<EmailChanged> eventType() {
        return EmailChanged.class;
    }

    @Override
    public String recipient(EmailChanged event) {
        return event.previousEmail();
    }

    @Override
    public ComposedEmail compose(EmailChanged event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("newEmail", event.email());
        variables.put("changedAt", EmailTimes.format(event.changedAt()));
        return templates.render("email-changed", SUBJECT, variables);
    }
}
