package dev.watchword.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Read model AuditEntry (table {@code audit_entry}): one event as received, for auditors.
 *
 * @param position    {@code EventEnvelope.globalIndex}, the event's position in the whole store
 * @param sequence    the event's position within its aggregate
 * @param appId       the client app the event belongs to, {@link #DEFAULT_APP} unless it is a client-app event
 * @param actor       who did it: the administrator or operator named by the event, else the user for their own
 *                    events, else {@link #SYSTEM}
 * @param ipAddress   the event's {@code ipAddress}, when it has one
 * @param payload     the payload as published, hashes and sealed tokens included (see {@link RedactedPayload})
 */
public record AuditEntry(
        long position,
        String eventId,
        String type,
        String aggregateId,
        long sequence,
        Instant occurredAt,
        String appId,
        String actor,
        String ipAddress,
        JsonNode payload) {

    public static final String DEFAULT_APP = "default";
    /** The actor of events that name nobody: automations and events of types this version does not know. */
    public static final String SYSTEM = "system";
}
