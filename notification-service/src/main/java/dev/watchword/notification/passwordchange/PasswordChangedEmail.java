package dev.watchword.notification.passwordchange;

import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.mail.TemplatedEmail;
import org.springframework.stereotype.Component;

/**
 * "Your password was changed": the owner learns of every new password, by reset link or from the account,
 * so that a takeover does not go unnoticed (OWASP Authentication Cheat Sheet, "Notify users"). Never
 * expires: the warning matters however late it arrives.
 */
@Component
class PasswordChangedEmail extends TemplatedEmail<PasswordChanged> {

    PasswordChangedEmail(MailTemplates templates) {
        super(
                templates,
                of(PasswordChanged.class)
                        .sentTo(PasswordChanged::email)
                        .with("reset", event -> event.reason() == PasswordChangeReason.RESET)
                        .with("verification", event -> event.reason() == PasswordChangeReason.VERIFICATION)
                        .with("emailedLink", event -> event.reason() != PasswordChangeReason.CHANGE)
                        .with("changedAt", event -> EmailTimes.format(event.changedAt()))
                        .with("ipAddress", PasswordChanged::ipAddress)
                        .with("linkBaseUrl", (event, app) -> app.linkBaseUrl())
                        .template("password-changed")
                        .subject("Your password was changed"));
    }
}
