package dev.watchword.notification.passwordchange;

import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.notification.mail.ComposedEmail;
import dev.watchword.notification.mail.EmailComposer;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.token.OneTimeSecrets;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * "Your password was changed": the owner learns of every new password, by reset link or from the account,
 * so that a takeover does not go unnoticed (OWASP Authentication Cheat Sheet, "Notify users"). Never
 * expires: the warning matters however late it arrives.
 */
@Component
class PasswordChangedEmail implements EmailComposer<PasswordChanged> {

    static final String SUBJECT = "Your password was changed";

    private final MailTemplates templates;
    private final OneTimeSecrets secrets;

    PasswordChangedEmail(MailTemplates templates, OneTimeSecrets secrets) {
        this.templates = templates;
        this.secrets = secrets;
    }

    @Override
    public Class<PasswordChanged> eventType() {
        return PasswordChanged.class;
    }

    @Override
    public String recipient(PasswordChanged event) {
        return event.email();
    }

    @Override
    public ComposedEmail compose(PasswordChanged event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reset", event.reason() == PasswordChangeReason.RESET);
        variables.put("changedAt", EmailTimes.format(event.changedAt()));
        variables.put("ipAddress", event.ipAddress());
        variables.put("publicUrl", secrets.publicUrl());
        return templates.render("password-changed", SUBJECT, variables);
    }
}
