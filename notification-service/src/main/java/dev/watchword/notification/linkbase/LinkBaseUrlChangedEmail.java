package dev.watchword.notification.linkbase;

import dev.watchword.events.app.LinkBaseUrlChanged;
import dev.watchword.notification.mail.EmailTimes;
import dev.watchword.notification.mail.MailTemplates;
import dev.watchword.notification.mail.TemplatedEmail;
import org.springframework.stereotype.Component;

/**
 * "Your app's email links now point elsewhere": told to every admin of the app when its {@code link_base_url}
 * moves, since every emailed link and its token go there from now on; a change nobody meant is a takeover in
 * progress (cf. OWASP ASVS 5.0 V6.3.7, users told of changes to their authentication). The event names no recipient:
 * the event stream listener queues one email per admin of the app (see {@code MailOutbox#enqueueTo}), so
 * {@link #recipient} is never what addresses it. Rendered with the platform's sender name and no link at all, so
 * that the notice itself cannot be steered by the settings that changed.
 */
@Component
class LinkBaseUrlChangedEmail extends TemplatedEmail<LinkBaseUrlChanged> {

    LinkBaseUrlChangedEmail(MailTemplates templates) {
        super(
                templates,
                of(LinkBaseUrlChanged.class)
                        .sentTo(event -> null)
                        .with("previousLinkBaseUrl", LinkBaseUrlChanged::previousLinkBaseUrl)
                        .with("linkBaseUrl", LinkBaseUrlChanged::linkBaseUrl)
                        .with("changedBy", LinkBaseUrlChanged::changedBy)
                        .with("changedAt", event -> EmailTimes.format(event.changedAt()))
                        .template("link-base-url-changed")
                        .subject("Your app's email links now point to a new address"));
    }
}
