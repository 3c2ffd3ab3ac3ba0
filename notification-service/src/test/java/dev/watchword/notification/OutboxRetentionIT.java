package dev.watchword.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.notification.mail.OutboxRetention;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the outbox keeps: never a credential hash, and once an email is done with and past the retention, no
 * address or payload either; the row itself stays so that the event is never mailed twice.
 */
class OutboxRetentionIT extends EmailPipelineIT {

    @Autowired
    OutboxRetention retention;

    @Test
    void enqueueWhenRecordStillCarriesPasswordHashThenOutboxRowHasNone() throws Exception {
        // given a record as command-service published them before it withheld the hash
        String userId = UUID.randomUUID().toString();
        EventEnvelope changed = envelope(
                new PasswordChanged(
                        userId,
                        randomAddress(),
                        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
                        PasswordChangeReason.RESET,
                        "203.0.113.7",
                        Instant.now()),
                userId);

        // when
        publish(changed);

        // then
        await().atMost(PATIENCE).until(() -> !"ABSENT".equals(statusOf(changed)));
        assertThat(storedRowText(changed)).doesNotContain("argon2id");
        assertThat(jdbc.sql("select payload -> 'passwordHash' = 'null'::jsonb from outgoing_email where event_id = ?")
                        .param(changed.eventId())
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void pruneWhenSentLongerThanRetentionAgoThenBlankedAndRedeliveryMailsNothing() throws Exception {
        // given one email sent long ago and one sent now
        EventEnvelope old = takenAddress(randomAddress());
        EventEnvelope recent = takenAddress(randomAddress());
        publish(old);
        publish(recent);
        await().atMost(PATIENCE).until(() -> "SENT".equals(statusOf(old)) && "SENT".equals(statusOf(recent)));
        jdbc.sql("update outgoing_email set sent_at = now() - interval '8 days' where event_id = ?")
                .param(old.eventId())
                .update();
        String oldAddress = old.payload().get("email").asText();
        int mailedBefore = smtp.getReceivedMessagesForDomain(oldAddress).length;

        // when the retention (7 days by default) is applied
        int pruned = retention.prune();

        // then the old row keeps its id, type and status only; the recent one is untouched
        assertThat(pruned).isPositive();
        assertThat(storedRowText(old))
                .doesNotContain(oldAddress)
                .contains("SENT")
                .contains(old.eventId());
        assertThat(jdbc.sql("select recipient is null and payload = '{}'::jsonb from outgoing_email where event_id = ?")
                        .param(old.eventId())
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(storedRowText(recent)).contains(recent.payload().get("email").asText());

        // and a redelivery of the old event, followed by a fresh one, mails the old address nothing
        EventEnvelope marker = takenAddress(randomAddress());
        publish(old);
        publish(marker);
        await().atMost(PATIENCE).until(() -> "SENT".equals(statusOf(marker)));
        assertThat(smtp.getReceivedMessagesForDomain(oldAddress)).hasSize(mailedBefore);
        assertThat(retention.prune(Duration.ofDays(7)))
                .as("a second pass finds nothing new")
                .isZero();
    }
}
