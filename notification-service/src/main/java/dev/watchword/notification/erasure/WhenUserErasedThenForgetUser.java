package dev.watchword.notification.erasure;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserErased;
import dev.watchword.notification.app.UserAppProjection;
import dev.watchword.notification.mail.MailOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure (crypto-shredding): command-service has destroyed the user's data key, so the log no longer
 * holds the user's address; neither may this service. Nothing more is ever sent to the user: the user's
 * pending emails are cancelled, every outbox row of the user loses its address and payload, the user's app
 * row goes, and the user is recorded as erased so that any later event of the user is skipped.
 * <p>
 * One transaction, deduped on the user (one erasure per user) and its event id: a redelivered
 * {@code UserErased} changes nothing, and a failure half-way leaves nothing done, to be redone on redelivery.
 */
@Component
public class WhenUserErasedThenForgetUser {

    private static final Logger log = LoggerFactory.getLogger(WhenUserErasedThenForgetUser.class);

    private final ErasedUsers erasedUsers;
    private final UserAppProjection userApps;
    private final MailOutbox outbox;

    WhenUserErasedThenForgetUser(ErasedUsers erasedUsers, UserAppProjection userApps, MailOutbox outbox) {
        this.erasedUsers = erasedUsers;
        this.userApps = userApps;
        this.outbox = outbox;
    }

    @Transactional
    public void on(EventEnvelope envelope, UserErased event) {
        if (!erasedUsers.recordIfAbsent(envelope, event)) {
            log.info(
                    "Event {} ({}) was delivered again; its user is erased already",
                    envelope.eventId(),
                    envelope.type());
            return;
        }
        userApps.on(envelope, event);
        int cancelled = outbox.forgetUser(event.userId());
        // Ids and counts only: nothing that would name the person.
        log.info(
                "Event {} ({}): user's emails forgotten, {} still pending cancelled",
                envelope.eventId(),
                envelope.type(),
                cancelled);
    }
}
