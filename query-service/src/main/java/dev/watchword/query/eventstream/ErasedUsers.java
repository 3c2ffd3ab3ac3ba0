package dev.watchword.query.eventstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code erased_user} table: the users whose {@link UserErased} was received (crypto-shredding).
 * <p>
 * command-service destroyed their data key, so their events published from then on carry no personal data. But a
 * record published before the erasure can still arrive afterwards (Kafka keeps it until its retention ends: a
 * consumer reset, a replay): the listener passes such an event to the read models only without its personal
 * fields ({@link #withoutPersonalData}), so nothing the erasure removed comes back.
 */
@Repository
class ErasedUsers {

    private final JdbcClient jdbc;

    ErasedUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Idempotent: the first erasure recorded stays. */
    void record(UserErased erased, Instant receivedAt) {
        jdbc.sql("""
                        insert into erased_user (user_id, erased_by, erased_at) values (:userId, :erasedBy, :erasedAt)
                        on conflict (user_id) do nothing""")
                .param("userId", erased.userId())
                .param("erasedBy", erased.erasedBy() == null ? "unknown" : erased.erasedBy())
                .param("erasedAt", Timestamp.from(erased.erasedAt() != null ? erased.erasedAt() : receivedAt))
                .update();
    }

    /** Whether the aggregate is a user that was erased; user events are keyed by their user. */
    boolean isErased(String aggregateId) {
        return aggregateId != null
                && jdbc.sql("select exists (select 1 from erased_user where user_id = :userId)")
                        .param("userId", aggregateId)
                        .query(Boolean.class)
                        .single();
    }

    /**
     * The envelope with every field of {@link UserEvent#PERSONAL_FIELDS} that its payload holds set to
     * {@code null}, as command-service publishes the events of an erased user. Payloads are flat records.
     */
    static EventEnvelope withoutPersonalData(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof ObjectNode payload)) {
            return envelope;
        }
        ObjectNode erased = payload.deepCopy();
        UserEvent.PERSONAL_FIELDS.stream().filter(erased::has).forEach(erased::putNull);
        return new EventEnvelope(
                envelope.eventId(),
                envelope.type(),
                envelope.revision(),
                envelope.aggregateId(),
                envelope.sequenceNumber(),
                envelope.globalIndex(),
                envelope.occurredAt(),
                erased);
    }
}
