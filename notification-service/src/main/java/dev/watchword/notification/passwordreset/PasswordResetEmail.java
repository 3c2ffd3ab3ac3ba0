package dev.watchword.notification.passwordreset;

import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.user.PasswordResetRequested;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.mail.TemplatedEmail;
import dev.watchword.notification.token.OneTimeSecrets;
import org.springframework.stereotype.Component;

/**
 * "Reset your password": the link carries the reset token in its fragment ({@link EmailLinks}). Dropped
 * unsent once the link has expired, since it could only lead to an error page.
 */
@Component
class PasswordResetEmail extends TemplatedEmail<PasswordResetRequested> {

    PasswordResetEmail(MailTemplates templates, OneTimeSecrets secrets) {
        super(
                templates,
                of(PasswordResetRequested.class)
                        .sentTo(PasswordResetRequested::email)
                        .expiringAt(PasswordResetRequested::expiresAt)
                        .with(
                                "link",
                                (event, app) -> secrets.link(
                                        app.linkBaseUrl(),
                                        EmailLinks.RESET_PASSWORD,
                                        event.encryptedToken(),
                                        event.userId()))
                        .with("ipAddress", PasswordResetRequested::ipAddress)
                        .template("password-reset")
                        .subject("Reset your password"));
    }
}
