package dev.watchword.notification.emailchange;

import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.notification.mail.ComposedEmail;
import dev.watchword.notification.mail.EmailComposer;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.token.OneTimeSecrets;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "Confirm your new email address", sent to the requested address: only someone who reads it can move the
 * account there. Dropped unsent once the link has expired.
 */
@Component
class EmailChangeConfirmationEmail implements EmailComposer<EmailChangeRequested> {

    static final String SUBJECT = "Confirm your new email address";

    private final MailTemplates templates;
    private final OneTimeSecrets secrets;

    EmailChangeConfirmationEmail(MailTemplates templates, OneTimeSecrets secrets) {
        this.templates = templates;
        this.secrets = secrets;
    }

    @Override
    public Class<EmailChangeRequested> eventType() {
        return EmailChangeRequested.class;
    }

    @Override
    public String recipient(EmailChangeRequested event) {
        return event.newEmail();
    }

    @Override
    public Optional<Instant> expiresAt(EmailChangeRequested event) {
        return Optional.ofNullable(event.expiresAt());
    }

    @Override
    public ComposedEmail compose(EmailChangeRequested event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("link",
                secrets.link(EmailLinks.CONFIRM_EMAIL_CHANGE, event.encryptedToken(), event.userId()));
        variables.put("expiresAt", EmailTimes.format(event.expiresAt()));
        return templates.render("email-change-confirmation", SUBJECT, variables);
    }
}
