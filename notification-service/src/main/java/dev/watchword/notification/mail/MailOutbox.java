package dev.watchword.notification.mail;

import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where events become email jobs. Called by the Kafka listener; renders nothing and never talks to SMTP, so
 * the only thing that can fail here is the database, and then the event is redelivered.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final EmailComposers composers;
    private final OutgoingEmailRepository repository;

    MailOutbox(EmailComposers composers, OutgoingEmailRepository repository) {
        this.composers = composers;
        this.repository = repository;
    }

    /** Whether an email belongs to events of this kind at all, before anything is read for one. */
    public boolean mailsAbout(Object event) {
        return composers.composeFor(event);
    }

    /**
     * Queues the email this event calls for, once per event id: a redelivered event finds its row and adds
     * nothing (contract.md, "Every consumer dedupes on eventId in the same transaction as its effect").
     *
     * @param event the envelope's payload as its record
     * @return true when a new email was queued
     */
    @Transactional
    public boolean enqueue(EventEnvelope envelope, Object event) {
        return composers
                .address(event)
                .map(addressing -> {
                    if (addressing.recipient() == null || addressing.recipient().isBlank()) {
                        // This is how the events of an erased user read: their personal fields are null
                        // for good, also when the log is republished, so it is expected and not worth more than a
                        // debug line. Retrying cannot add an address; blocking the partition would stop every other
                        // email.
                        log.debug(
                                "Event {} ({}) has no recipient address (its user erased); no email queued",
                                envelope.eventId(),
                                envelope.type());
                        return false;
                    }
                    String userId = event instanceof UserEvent userEvent ? userEvent.userId() : null;
                    boolean queued = repository.insertIfAbsent(
                            envelope.eventId(),
                            EventCatalog.nameOf(event.getClass()),
                            userId,
                            addressing.recipient(),
                            envelope.payload().toString(),
                            addressing.expiresAt());
                    if (!queued) {
                        log.info(
                                "Event {} ({}) was delivered again; its email is queued already",
                                envelope.eventId(),
                                envelope.type());
                    }
                    return queued;
                })
                .orElse(false);
    }

    /**
     * Queues the email this event calls for to one of several recipients that the event does not name itself (the
     * admins of an app), once per event and recipient: the row's id is the event id and the recipient's user id, so
     * a redelivered event adds nothing, and the row is the recipient's, so erasing that user cancels it.
     *
     * @return true when a new email was queued
     */
    @Transactional
    public boolean enqueueTo(EventEnvelope envelope, Object event, String userId, String recipient) {
        if (recipient == null || recipient.isBlank()) {
            return false;
        }
        boolean queued = repository.insertIfAbsent(
                envelope.eventId() + "/" + userId,
                EventCatalog.nameOf(event.getClass()),
                userId,
                recipient,
                envelope.payload().toString(),
                null);
        if (!queued) {
            log.info(
                    "Event {} ({}) was delivered again; its email to {} is queued already",
                    envelope.eventId(),
                    envelope.type(),
                    userId);
        }
        return queued;
    }

    /**
     * The user was erased: the user's emails still waiting are cancelled, never to be sent, and no row
     * of the user keeps an address or the event it came from. An email already handed to the relay is gone; the
     * one being handed over right now is waited for and blanked once sent.
     *
     * @return how many pending emails were cancelled
     */
    @Transactional
    public int forgetUser(String userId) {
        return repository.forgetUser(userId);
    }
}
