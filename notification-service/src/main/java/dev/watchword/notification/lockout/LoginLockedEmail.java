package dev.watchword.notification.lockout;

import dev.watchword.events.user.LoginLocked;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.mail.TemplatedEmail;
import org.springframework.stereotype.Component;

/**
 * "Sign-in attempts blocked": password sign-ins from one IP address are paused after repeated failures. The
 * owner is told, since the failures may be someone guessing the password; sent even if the block has ended
 * by then, because that warning still holds.
 */
@Component
class LoginLockedEmail extends TemplatedEmail<LoginLocked> {

    LoginLockedEmail(MailTemplates templates) {
        super(
                templates,
                of(LoginLocked.class)
                        .sentTo(LoginLocked::email)
                        .with("failures", LoginLocked::consecutiveFailures)
                        .with("ipAddress", LoginLocked::ipAddress)
                        .with("lockedAt", event -> EmailTimes.format(event.lockedAt()))
                        .with("lockedUntil", event -> EmailTimes.format(event.lockedUntil()))
                        .with("linkBaseUrl", (event, app) -> app.linkBaseUrl())
                        .template("login-locked")
                        .subject("Sign-in attempts blocked"));
    }
}
