package dev.watchword.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchword.events.app.AppSettings;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Erasure (crypto-shredding): after {@code UserErased} nothing more is sent to the user, not even an
 * email queued before, and no row of this service holds the user's address; later events of the user, as a
 * redelivery or a republished log brings them (personal fields {@code null}), send nothing and stop nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class UserErasureIT extends EmailPipelineIT {

    @Test
    void pendingEmailWhenUserErasedThenCancelledAndNeverSentWhileAnotherUsersIsSent() throws Exception {
        // given: both users' app has no settings yet, so their emails wait in the outbox, retried
        String appId = UUID.randomUUID().toString();
        String erasedAddress = randomAddress();
        String otherAddress = randomAddress();
        String erasedUser = registeredUser(appId, erasedAddress);
        String otherUser = registeredUser(appId, otherAddress);
        String sealedToken = SEALING.seal("tok-" + UUID.randomUUID(), erasedUser);
        EventEnvelope erasedUsersEmail = verificationRequested(erasedUser, erasedAddress, sealedToken);
        EventEnvelope otherUsersEmail =
                verificationRequested(otherUser, otherAddress, SEALING.seal("tok-" + UUID.randomUUID(), otherUser));
        publish(erasedUsersEmail);
        publish(otherUsersEmail);
        await().atMost(PATIENCE).until(() -> attemptsOf(erasedUsersEmail) >= 1 && attemptsOf(otherUsersEmail) >= 1);
        assertThat(statusOf(erasedUsersEmail)).isEqualTo("PENDING");

        // when
        publish(erased(erasedUser));
        await().atMost(PATIENCE).until(() -> statusOf(erasedUsersEmail).equals("CANCELLED"));
        publish(settingsChanged(appId));

        // then: the settings that release the other user's email would release this one too
        await().atMost(PATIENCE).until(() -> statusOf(otherUsersEmail).equals("SENT"));
        assertThat(smtp.getReceivedMessagesForDomain(otherAddress)).hasSize(1);
        assertThat(smtp.getReceivedMessagesForDomain(erasedAddress)).isEmpty();
        assertThat(statusOf(erasedUsersEmail)).isEqualTo("CANCELLED");
        assertThat(storedRowText(erasedUsersEmail))
                .doesNotContain(erasedAddress)
                .doesNotContain(sealedToken);
        assertThat(storedRowText(otherUsersEmail)).contains(otherAddress);
        assertThat(appOf(otherUser)).contains(appId);
    }

    @Test
    void sentEmailsWhenUserErasedThenNoRowAnywhereHoldsTheAddressAndTheRowsStillCount() throws Exception {
        // given
        String userId = UUID.randomUUID().toString();
        String address = randomAddress();
        String newAddress = randomAddress();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String ipAddress = "2001:db8:%04x:%04x:%04x:%04x::1"
                .formatted(
                        random.nextInt(0x10000),
                        random.nextInt(0x10000),
                        random.nextInt(0x10000),
                        random.nextInt(0x10000));
        publish(envelope(new UserRegistered(userId, address, "$argon2id$not-checked", Instant.now(), null), userId));
        EventEnvelope verification =
                verificationRequested(userId, address, SEALING.seal("tok-" + UUID.randomUUID(), userId));
        EventEnvelope takenAddress =
                envelope(new RegistrationAttemptedForTakenEmail(userId, address, ipAddress, Instant.now()), userId);
        EventEnvelope changed = envelope(new EmailChanged(userId, newAddress, address, Instant.now()), userId);
        List<EventEnvelope> emails = List.of(verification, takenAddress, changed);
        for (EventEnvelope email : emails) {
            publish(email);
        }
        await().atMost(PATIENCE)
                .until(() -> emails.stream().allMatch(email -> statusOf(email).equals("SENT")));
        assertThat(rowsHolding(address)).isPositive();
        assertThat(rowsHolding(newAddress)).isPositive();
        assertThat(rowsHolding(ipAddress)).isPositive();
        assertThat(appOf(userId)).isPresent();

        // when
        EventEnvelope erasure = erased(userId);
        publish(erasure);

        // then
        await().atMost(PATIENCE).until(() -> erasedBy(userId).isPresent());
        assertThat(rowsHolding(address)).isZero();
        assertThat(rowsHolding(newAddress)).isZero();
        assertThat(rowsHolding(ipAddress)).isZero();
        assertThat(emails).allSatisfy(email -> assertThat(statusOf(email)).isEqualTo("SENT"));
        assertThat(appOf(userId)).isEmpty();
        assertThat(erasedBy(userId)).contains(erasure.eventId());
    }

    @Test
    void userErasedWhenRedeliveredThenChangesNothingAndLaterEventsFlow() throws Exception {
        // given
        String userId = UUID.randomUUID().toString();
        String address = randomAddress();
        publish(envelope(new UserRegistered(userId, address, "$argon2id$not-checked", Instant.now(), null), userId));
        EventEnvelope verification =
                verificationRequested(userId, address, SEALING.seal("tok-" + UUID.randomUUID(), userId));
        publish(verification);
        await().atMost(PATIENCE).until(() -> statusOf(verification).equals("SENT"));
        EventEnvelope erasure = erased(userId);
        publish(erasure);
        await().atMost(PATIENCE).until(() -> erasedBy(userId).isPresent());
        String erasedRow = erasedRowText(userId);
        String outboxRow = storedRowText(verification);

        // when
        publish(erasure);
        publish(erased(userId));
        EventEnvelope later = takenAddress(randomAddress());
        publish(later);

        // then: one partition, so once the later event is mailed the redeliveries have been consumed too
        await().atMost(PATIENCE).until(() -> statusOf(later).equals("SENT"));
        assertThat(erasedRowText(userId)).isEqualTo(erasedRow);
        assertThat(storedRowText(verification)).isEqualTo(outboxRow);
        assertThat(smtp.getReceivedMessagesForDomain(address)).hasSize(1);
    }

    @Test
    void eventsOfErasedUserWhenDeliveredLaterThenNothingQueuedNothingSentAndLaterEmailsFlow() throws Exception {
        // given
        String userId = UUID.randomUUID().toString();
        String address = randomAddress();
        EventEnvelope registered =
                envelope(new UserRegistered(userId, address, "$argon2id$not-checked", Instant.now(), null), userId);
        publish(registered);
        publish(erased(userId));
        await().atMost(PATIENCE).until(() -> erasedBy(userId).isPresent());

        // when: a redelivery from before the key was destroyed still has the address; a republish has none
        EventEnvelope stillAddressed =
                verificationRequested(userId, address, SEALING.seal("tok-" + UUID.randomUUID(), userId));
        List<EventEnvelope> late = new ArrayList<>(List.of(registered, stillAddressed, shredded(stillAddressed)));
        late.addAll(emailEventsOf(userId).stream().map(UserErasureIT::shredded).toList());
        for (EventEnvelope envelope : late) {
            publish(envelope);
        }
        EventEnvelope later = takenAddress(randomAddress());
        publish(later);

        // then
        await().atMost(PATIENCE).until(() -> statusOf(later).equals("SENT"));
        assertThat(late).allSatisfy(envelope -> assertThat(statusOf(envelope)).isEqualTo("ABSENT"));
        assertThat(smtp.getReceivedMessagesForDomain(address)).isEmpty();
        assertThat(appOf(userId)).isEmpty();
    }

    @Test
    void eventsWithShreddedFieldsWhenUserNotKnownErasedYetThenNothingQueuedAndNoErrorLogged(CapturedOutput log)
            throws Exception {
        // given: a republished log read into an empty outbox, where the user's UserErased comes last
        String userId = UUID.randomUUID().toString();
        List<EventEnvelope> republished = new ArrayList<>();
        republished.add(shredded(envelope(
                new UserRegistered(userId, randomAddress(), "$argon2id$not-checked", Instant.now(), null), userId)));
        emailEventsOf(userId).stream().map(UserErasureIT::shredded).forEach(republished::add);

        // when
        for (EventEnvelope envelope : republished) {
            publish(envelope);
        }
        EventEnvelope later = takenAddress(randomAddress());
        publish(later);

        // then
        await().atMost(PATIENCE).until(() -> statusOf(later).equals("SENT"));
        assertThat(republished).allSatisfy(envelope -> {
            assertThat(statusOf(envelope)).isEqualTo("ABSENT");
            assertThat(log.getOut()).doesNotContain(envelope.eventId());
        });
    }

    /** One event of each kind that calls for an email, all of the user. */
    private static List<EventEnvelope> emailEventsOf(String userId) {
        List<EventEnvelope> events = new ArrayList<>();
        for (AccountEmail kind : AccountEmail.values()) {
            events.add(ofUser(kind.sample().envelope(), userId));
        }
        events.add(verificationRequested(userId, randomAddress(), SEALING.seal("tok-" + UUID.randomUUID(), userId)));
        events.add(envelope(
                new RegistrationAttemptedForTakenEmail(userId, randomAddress(), "203.0.113.9", Instant.now()), userId));
        return events;
    }

    /** The event as a republished log carries it once its user's data key is destroyed. */
    private static EventEnvelope shredded(EventEnvelope envelope) {
        ObjectNode payload = envelope.payload().deepCopy();
        for (String field : UserEvent.PERSONAL_FIELDS) {
            if (payload.has(field)) {
                payload.putNull(field);
            }
        }
        return withPayload(envelope, payload);
    }

    /** The same event of another user, under a new event id; its sealed secret then opens for no one. */
    private static EventEnvelope ofUser(EventEnvelope envelope, String userId) {
        ObjectNode payload = envelope.payload().deepCopy();
        payload.put("userId", userId);
        return new EventEnvelope(
                UUID.randomUUID().toString(),
                envelope.type(),
                envelope.revision(),
                userId,
                envelope.sequenceNumber(),
                envelope.globalIndex(),
                envelope.occurredAt(),
                payload);
    }

    private static EventEnvelope withPayload(EventEnvelope envelope, ObjectNode payload) {
        return new EventEnvelope(
                envelope.eventId(),
                envelope.type(),
                envelope.revision(),
                envelope.aggregateId(),
                envelope.sequenceNumber(),
                envelope.globalIndex(),
                envelope.occurredAt(),
                payload);
    }

    private static EventEnvelope erased(String userId) {
        return envelope(new UserErased(userId, "admin", Instant.now()), userId);
    }

    private String registeredUser(String appId, String address) throws Exception {
        String userId = UUID.randomUUID().toString();
        publish(envelope(new UserRegistered(userId, address, "$argon2id$not-checked", Instant.now(), appId), userId));
        return userId;
    }

    private static EventEnvelope verificationRequested(String userId, String address, String sealedToken) {
        Instant expiresAt = Instant.now().plus(Duration.ofDays(1));
        return envelope(
                new EmailVerificationRequested(
                        userId, address, "hash-not-checked-here", sealedToken, Instant.now(), expiresAt),
                userId);
    }

    private static EventEnvelope settingsChanged(String appId) {
        AppSettings settings =
                new AppSettings(List.of("password"), false, 5, 1, 8, List.of(), "https://acme.example", "Acme");
        return EventCatalog.wrap(
                UUID.randomUUID().toString(),
                new AppSettingsChanged(appId, settings, "admin", Instant.now()),
                appId,
                1,
                1,
                Instant.now());
    }

    /** How many rows of any table of the service's schema hold this text, in any column. */
    private long rowsHolding(String text) {
        List<String> tables = jdbc.sql("""
                        select table_name from information_schema.tables
                         where table_schema = current_schema() and table_type = 'BASE TABLE'""").query(String.class).list();
        assertThat(tables).contains("outgoing_email", "user_app");
        long rows = 0;
        for (String table : tables) {
            rows += jdbc.sql("select count(*) from \"" + table + "\" t where t::text like '%' || ? || '%'")
                    .param(text)
                    .query(Long.class)
                    .single();
        }
        return rows;
    }

    private Optional<String> appOf(String userId) {
        return jdbc.sql("select app_id from user_app where user_id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }

    private Optional<String> erasedBy(String userId) {
        return jdbc.sql("select event_id from erased_user where user_id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }

    private String erasedRowText(String userId) {
        return jdbc.sql("select e::text from erased_user e where user_id = ?")
                .param(userId)
                .query(String.class)
                .single();
    }
}
