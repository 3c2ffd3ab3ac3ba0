package dev.watchword.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.appscope.UserApps;
import dev.watchword.query.eventstream.EnvelopeProjection;
import dev.watchword.query.eventstream.ReadModel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One {@code audit_entry} row per event received, of every type, keyed by the event id: a redelivery adds
 * nothing, and a replay of the log fills in what was consumed before the table existed.
 * <p>
 * {@code UserErased} nulls the personal fields ({@link UserEvent#PERSONAL_FIELDS}) in the stored payload of
 * each of the user's entries, and their {@code ip_address}, as command-service now publishes them: the entries
 * themselves stay, with their type, position, actor and time, so the trail stays complete. An entry of the user
 * recorded after that arrives without personal data already (the listener sees to it).
 */
@Component
@ReadModel(
        tables = "audit_entry",
        notReplayable = "the source of every replay: this service's copy of the log, "
                + "filled from the Kafka topic (republish the log to fill it in)")
class AuditEntryProjection implements EnvelopeProjection {

    /**
     * The payload fields that name whoever acted on someone else's behalf (an administrator, an operator), in
     * the order they are looked for. An event holds at most one of them. An erasure's actor is the admin (or API
     * key) that erased, never the erased user (OWASP ASVS 5.0 V16.2.1: who did it); V10 corrects entries recorded
     * before {@code erasedBy} was read.
     */
    static final List<String> ACTOR_FIELDS = List.of(
            "assignedBy",
            "revokedBy",
            "disabledBy",
            "enabledBy",
            "requestedBy",
            "registeredBy",
            "issuedBy",
            "retiredBy",
            "changedBy",
            "definedBy",
            "erasedBy");

    private final JdbcClient jdbc;
    private final UserApps userApps;

    AuditEntryProjection(JdbcClient jdbc, UserApps userApps) {
        this.jdbc = jdbc;
        this.userApps = userApps;
    }

    @Override
    public void project(EventEnvelope envelope, Optional<Object> event) {
        AuditEntry entry = entryOf(envelope, event.orElse(null), Instant.now(), userApps::appOf);
        jdbc.sql("""
                        insert into audit_entry (event_id, position, type, aggregate_id, sequence_number, occurred_at,
                                                 app_id, actor, ip_address, payload)
                        values (:eventId, :position, :type, :aggregateId, :sequence, :occurredAt, :appId, :actor,
                                :ipAddress, cast(:payload as jsonb))
                        on conflict (event_id) do nothing""")
                .param("eventId", entry.eventId())
                .param("position", entry.position())
                .param("type", entry.type())
                .param("aggregateId", entry.aggregateId())
                .param("sequence", entry.sequence())
                .param("occurredAt", Timestamp.from(entry.occurredAt()))
                .param("appId", entry.appId())
                .param("actor", entry.actor())
                .param("ipAddress", entry.ipAddress())
                .param("payload", entry.payload().toString())
                .update();
        if (event.orElse(null) instanceof UserErased erased && erased.userId() != null) {
            erasePersonalData(erased.userId());
        }
    }

    /**
     * Top-level fields only: payloads are flat records. Only fields the payload has are set (to JSON {@code null}),
     * so the shape of each payload stays as published. V8 does the same for erasures received before it.
     */
    private void erasePersonalData(String userId) {
        jdbc.sql("""
                        update audit_entry set ip_address = null,
                            payload = payload || (select coalesce(jsonb_object_agg(field, 'null'::jsonb), '{}'::jsonb)
                                                  from jsonb_object_keys(payload) field
                                                  where field = any(cast(:fields as text[])))
                        where aggregate_id = :userId and jsonb_typeof(payload) = 'object'""")
                .param("userId", userId)
                .param("fields", UserEvent.PERSONAL_FIELDS.toArray(String[]::new))
                .update();
    }

    /**
     * @param event      the payload as its record, {@code null} for a type this version does not know
     * @param receivedAt stands in for {@code occurredAt} when the envelope lacks it, which command-service never
     *                   does; the trail must not lose the event for it
     * @param appOfUser  the app of a user (by id): a user's events belong to it. A user's events always follow
     *                   their {@code UserRegistered}, so it is known by then.
     */
    static AuditEntry entryOf(
            EventEnvelope envelope, Object event, Instant receivedAt, UnaryOperator<String> appOfUser) {
        JsonNode payload = envelope.payload();
        String appId = switch (event) {
            case ClientAppEvent appEvent when appEvent.appId() != null -> appEvent.appId();
            case UserRegistered registered -> registered.appIdOrDefault();
            case UserEvent userEvent when userEvent.userId() != null -> appOfUser.apply(userEvent.userId());
            case null, default -> AuditEntry.DEFAULT_APP;
        };
        return new AuditEntry(
                envelope.globalIndex(),
                envelope.eventId(),
                envelope.type(),
                envelope.aggregateId(),
                envelope.sequenceNumber(),
                envelope.occurredAt() != null ? envelope.occurredAt() : receivedAt,
                appId,
                actorOf(payload, event),
                text(payload, "ipAddress"),
                payload);
    }

    private static String actorOf(JsonNode payload, Object event) {
        for (String field : ACTOR_FIELDS) {
            String actor = text(payload, field);
            if (actor != null) {
                return actor;
            }
        }
        // No one else named: a user's own doing (self-service), including attempts made on their account.
        if (event instanceof UserEvent userEvent && userEvent.userId() != null) {
            return userEvent.userId();
        }
        return AuditEntry.SYSTEM;
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
