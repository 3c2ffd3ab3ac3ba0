package dev.watchword.notification.passwordreset;

import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.user.PasswordResetRequested;
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
 * "Reset your password": the link carries the reset token in its fragment ({@link EmailLinks}). Dropped
 * unsent once the link has expired, since it could only lead to an error page.
 */
@Component
class PasswordResetEmail implements EmailComposer<PasswordResetRequested> {

    static final String SUBJECT = "Reset your password";

    private final MailTemplates templates;
    private final OneTimeSecrets secrets;

    PasswordResetEmail(MailTemplates templates, OneTimeSecrets secrets) {
        this.templates = templates;
        this.secrets = secrets;
    }

    @Override
    public Class<PasswordResetRequested> eventType() {
        return PasswordResetRequested.class;
    }

    @Override
    public String recipient(PasswordResetRequested event) {
        return event.email();
    }

    @Override
    public Optional<Instant> expiresAt(PasswordResetRequested event) {
        return Optional.ofNullable(event.expiresAt());
    }

    @Override
    public ComposedEmail compose(PasswordResetRequested event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("link", secrets.link(EmailLinks.RESET_PASSWORD, event.encryptedToken(), event.userId()));
        variables.put("expiresAt", EmailTimes.format(event.expiresAt()));
        variables.put("ipAddress", event.ipAddress());
        return templates.render("password-reset", SUBJECT, variables);
    }
}
