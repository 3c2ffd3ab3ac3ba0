package dev.watchword.notification.magiclink;

import dev.watchword.events.links.EmailLinks;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.mail.TemplatedEmail;
import dev.watchword.notification.token.OneTimeSecrets;
import org.springframework.stereotype.Component;

/**
 * "Your sign-in link": a single-use login link with the token in its fragment. Its lifetime is short (10
 * minutes by default, decided by command-service), so the email states it as read from the event rather
 * than a figure of its own, and is dropped unsent once the link has expired.
 */
@Component
class MagicLinkEmail extends TemplatedEmail<MagicLinkRequested> {

    MagicLinkEmail(MailTemplates templates, OneTimeSecrets secrets) {
        super(
                templates,
                of(MagicLinkRequested.class)
                        .sentTo(MagicLinkRequested::email)
                        .expiringAt(MagicLinkRequested::expiresAt)
                        .with(
                                "link",
                                (event, app) -> secrets.link(
                                        app.linkBaseUrl(),
                                        EmailLinks.MAGIC_LINK,
                                        event.encryptedToken(),
                                        event.userId()))
                        .with("validFor", event -> EmailTimes.lengthBetween(event.requestedAt(), event.expiresAt()))
                        .with("ipAddress", MagicLinkRequested::ipAddress)
                        .template("magic-link")
                        .subject("Your sign-in link"));
    }
}
