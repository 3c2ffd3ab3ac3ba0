package dev.watchword.notification.eventstream;

import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.LinkBaseUrlChanged;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.envelope.WithheldFields;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.notification.app.AppEmailSettingsProjection;
import dev.watchword.notification.app.UserAppProjection;
import dev.watchword.notification.erasure.ErasedUsers;
import dev.watchword.notification.erasure.WhenUserErasedThenForgetUser;
import dev.watchword.notification.mail.MailOutbox;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the event topic, user and client app events alike: it records which app each user belongs to and
 * each app's email settings, and queues the emails the events call for. It only writes rows; the offset is
 * committed once they are committed, so an event is either applied or redelivered, and every write is
 * harmless when applied again. Once a user is erased, every later event of the user is skipped.
 */
@Component
class EventStreamListener {

    private static final Logger log = LoggerFactory.getLogger(EventStreamListener.class);

    private final UserAppProjection userApps;
    private final AppEmailSettingsProjection appEmailSettings;
    private final MailOutbox outbox;
    private final ErasedUsers erasedUsers;
    private final WhenUserErasedThenForgetUser erasure;
    private final SignedRecords signedRecords;

    EventStreamListener(
            UserAppProjection userApps,
            AppEmailSettingsProjection appEmailSettings,
            MailOutbox outbox,
            ErasedUsers erasedUsers,
            WhenUserErasedThenForgetUser erasure,
            SignedRecords signedRecords) {
        this.userApps = userApps;
        this.appEmailSettings = appEmailSettings;
        this.outbox = outbox;
        this.erasedUsers = erasedUsers;
        this.erasure = erasure;
        this.signedRecords = signedRecords;
    }

    @KafkaListener(topics = "${watchword.events.topic:watchword.events}")
    void on(ConsumerRecord<String, byte[]> record) {
        // Only what command-service signed: anyone able to write to the topic could otherwise have mail sent.
        if (!signedRecords.accept(record)) {
            return;
        }
        EventEnvelope envelope;
        Optional<Object> event;
        try {
            // Withheld again here: a record published before command-service withheld them may hold credential
            // hashes, and the outbox row keeps the payload.
            envelope = WithheldFields.withheldFrom(EventCatalog.fromBytes(record.value()));
            if (envelope.eventId() == null || envelope.eventId().isBlank()) {
                throw new IllegalArgumentException("Envelope without eventId");
            }
            event = EventCatalog.payloadOf(envelope);
        } catch (IllegalArgumentException e) {
            // Redelivering bytes that do not parse cannot help; stopping the partition would block every
            // later email. Logged with its position so it can be inspected.
            log.error(
                    "Skipping unreadable record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return;
        }
        if (event.isEmpty()) {
            log.debug(
                    "Skipping event {} of a type this service does not know: {}", envelope.eventId(), envelope.type());
            return;
        }
        if (event.get() instanceof UserErased erased) {
            erasure.on(envelope, erased);
            return;
        }
        Object payload = event.get();
        Optional<Runnable> projection = projectionOf(envelope, payload);
        boolean mailed = outbox.mailsAbout(payload);
        if (projection.isEmpty() && !mailed) {
            // Most of the log (logins, refreshes, sessions) concerns nothing here: no erasure lookup for it.
            return;
        }
        // A user's events share its key, hence its partition, and are read one at a time: none of them can be
        // half-way through here while the user's UserErased is applied. What comes after it (a redelivery, a
        // republished log) may still carry an address, from before the key was destroyed: nothing is sent to it.
        if (payload instanceof UserEvent userEvent && erasedUsers.contains(userEvent.userId())) {
            log.debug("Skipping event {} ({}): its user was erased", envelope.eventId(), envelope.type());
            return;
        }
        projection.ifPresent(Runnable::run);
        // After the projections: a UserRegistered that someday calls for an email finds the user's app known.
        if (mailed) {
            outbox.enqueue(envelope, payload);
        }
    }

    /** What this service records of the event, if anything. */
    private Optional<Runnable> projectionOf(EventEnvelope envelope, Object event) {
        return switch (event) {
            case UserRegistered registered -> Optional.of(() -> userApps.on(envelope, registered));
            case EmailChanged changed -> Optional.of(() -> userApps.on(changed));
            case RoleAssigned assigned -> Optional.of(() -> userApps.on(assigned));
            case RoleRevoked revoked -> Optional.of(() -> userApps.on(revoked));
            case AppSettingsChanged changed -> Optional.of(() -> appEmailSettings.on(envelope, changed));
            // Addressed to every admin of the app, not to one address the event holds: one row per admin.
            case LinkBaseUrlChanged changed ->
                Optional.of(() -> userApps.adminsOf(changed.appId())
                        .forEach(admin -> outbox.enqueueTo(envelope, changed, admin.userId(), admin.email())));
            default -> Optional.empty();
        };
    }
}
