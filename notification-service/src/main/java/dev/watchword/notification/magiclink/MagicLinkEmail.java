package dev.watchword.notification.magiclink;

import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.user.MagicLinkRequested;
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
 * "Your sign-in link": a single-use login link with the token in its fragment. Its lifetime is short (10
 * minutes by default, decided by command-service), so the email states it as read from the event rather
 * than a figure of its own, and is dropped unsent once the link has expired.
 */
@Component
class MagicLinkEmail implements EmailComposer<MagicLinkRequested> {

    static final String SUBJECT = "Your sign-in link";

    private final MailTemplates templates;
    private final OneTimeSecrets secrets;

    MagicLinkEmail(MailTemplates templates, OneTimeSecrets secrets) {
        this.templates = templates;
        this.secrets = secrets;
    }

    @Override
    public Class<MagicLinkRequested> eventType() {
        return MagicLinkRequested.class;
    }

    @Override
    public String recipient(MagicLinkRequested event) {
        return event.email();
    }

    @Override
    public Optional<Instant> expiresAt(MagicLinkRequested event) {
        return Optional.ofNullable(event.expiresAt());
    }

    @Override
    public ComposedEmail compose(MagicLinkRequested event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("link", secrets.link(EmailLinks.MAGIC_LINK, event.encryptedToken(), event.userId()));
        variables.put("validFor", EmailTimes.lengthBetween(event.requestedAt(), event.expiresAt()));
        variables.put("expiresAt", EmailTimes.format(event.expiresAt()));
        variables.put("ipAddress", event.ipAddress());
        return templates.render("magic-link", SUBJECT, variables);
    }
}
