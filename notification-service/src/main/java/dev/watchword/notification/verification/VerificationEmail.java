package dev.watchword.notification.verification;

import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.user.EmailVerificationRequested;
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
 * "Confirm your email address": the link carries the token in its fragment (contract.md), which browsers
 * never send, so it reaches no access log. The token is opened from its sealed form only here, at send
 * time, and lives nowhere but in the rendered message (ASVS 5.0 V11.3).
 */
@Component
class VerificationEmail implements EmailComposer<EmailVerificationRequested> {

    static final String SUBJECT = "Confirm your email address";

    private final MailTemplates templates;
    private final OneTimeSecrets secrets;

    VerificationEmail(MailTemplates templates, OneTimeSecrets secrets) {
        this.templates = templates;
        this.secrets = secrets;
    }

    @Override
    public Class<EmailVerificationRequested> eventType() {
        return EmailVerificationRequested.class;
    }

    @Override
    public String recipient(EmailVerificationRequested event) {
        return event.email();
    }

    @Override
    public Optional<Instant> expiresAt(EmailVerificationRequested event) {
        return Optional.ofNullable(event.expiresAt());
    }

    @Override
    public ComposedEmail compose(EmailVerificationRequested event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("link", secrets.link(EmailLinks.VERIFY_EMAIL, event.encryptedToken(), event.userId()));
        variables.put("expiresAt", EmailTimes.format(event.expiresAt()));
        return templates.render("verification", SUBJECT, variables);
    }
}
