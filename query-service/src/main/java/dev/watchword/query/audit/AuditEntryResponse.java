package dev.watchword.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One item of {@code GET /api/admin/audit}, and one line of its export. The payload keeps the event's own field
 * names, with hashes and sealed secrets redacted.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AuditEntryResponse(
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

    static AuditEntryResponse of(AuditEntry entry) {
        return new AuditEntryResponse(
                entry.position(),
                entry.eventId(),
                entry.type(),
                entry.aggregateId(),
                entry.sequence(),
                entry.occurredAt(),
                entry.appId(),
                entry.actor(),
                entry.ipAddress(),
                RedactedPayload.of(entry.payload()));
    }
}
