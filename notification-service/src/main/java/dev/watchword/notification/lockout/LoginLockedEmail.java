package dev.watchword.notification.lockout;

import dev.watchword.events.user.LoginLocked;
import dev.watchword.notification.mail.ComposedEmail;
import dev.watchword.notification.mail.EmailComposer;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.token.OneTimeSecrets;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * "Sign-in attempts blocked": password sign-ins from one IP address are paused after repeated failures. The
 * owner is told, since the failures may be someone guessing the password; sent even if the block has ended
 * by then, because that warning still holds.
 */
@Component
class LoginLockedEmail implements EmailComposer<LoginLocked> {

    static final String SUBJECT = "Sign-in attempts blocked";

    private final MailTemplates templates;
    private final OneTimeSecrets secrets;

    LoginLockedEmail(MailTemplates templates, OneTimeSecrets secrets) {
        this.templates = templates;
        this.secrets = secrets;
    }

    @Override
    public Class<LoginLocked> eventType() {
        return LoginLocked.class;
    }

    @Override
    public String recipient(LoginLocked event) {
        return event.email();
    }

    @Override
    public ComposedEmail compose(LoginLocked event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("failures", event.consecutiveFailures());
        variables.put("ipAddress", event.ipAddress());
        variables.put("lockedAt", EmailTimes.format(event.lockedAt()));
        variables.put("lockedUntil", EmailTimes.format(event.lockedUntil()));
        variables.put("publicUrl", secrets.publicUrl());
        return templates.render("login-locked", SUBJECT, variables);
    }
}
