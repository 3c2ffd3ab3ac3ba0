package dev.watchword.notification.signincode;

import dev.watchword.events.user.EmailOtpRequested;
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
 * "Your sign-in code": a one-time code, typed by the user into the page that asked for it. The code is
 * opened from {@code encryptedCode} only here, at send time; the outbox keeps it sealed and nothing logs it
 * (ASVS 5.0 V11.3). The subject leaves it out, so that it does not show on a locked screen's notification.
 */
@Component
class SignInCodeEmail implements EmailComposer<EmailOtpRequested> {

    static final String SUBJECT = "Your sign-in code";

    private final MailTemplates templates;
    private final OneTimeSecrets secrets;

    SignInCodeEmail(MailTemplates templates, OneTimeSecrets secrets) {
        this.templates = templates;
        this.secrets = secrets;
    }

    @Override
    public Class<EmailOtpRequested> eventType() {
        return EmailOtpRequested.class;
    }

    @Override
    public String recipient(EmailOtpRequested event) {
        return event.email();
    }

    @Override
    public Optional<Instant> expiresAt(EmailOtpRequested event) {
        return Optional.ofNullable(event.expiresAt());
    }

    @Override
    public ComposedEmail compose(EmailOtpRequested event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("code", secrets.open(event.encryptedCode(), event.userId()));
        variables.put("validFor", EmailTimes.lengthBetween(event.requestedAt(), event.expiresAt()));
        variables.put("expiresAt", EmailTimes.format(event.expiresAt()));
        variables.put("ipAddress", event.ipAddress());
        return templates.render("sign-in-code", SUBJECT, variables);
    }
}
