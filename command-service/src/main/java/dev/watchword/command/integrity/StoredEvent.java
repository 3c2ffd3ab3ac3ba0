package dev.watchword.command.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of {@code domainevententry} exactly as the store holds it: the bytes the chain covers, not a
 * deserialized copy of the event.
 */
public record StoredEvent(
        long globalIndex,
        String eventIdentifier,
        String aggregateIdentifier,
        long sequenceNumber,
        String aggregateType,
        String payloadType,
        String payloadRevision,
        String timestamp,
        byte[] payload,
        byte[] metadata) {

    static final String COLUMNS = "globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, "
            + "payloadtype, payloadrevision, \"timestamp\", payload, metadata";

    static StoredEvent read(ResultSet row) throws SQLException {
        return new StoredEvent(
                row.getLong("globalindex"),
                row.getString("eventidentifier"),
                row.getString("aggregateidentifier"),
                row.getLong("sequencenumber"),
                row.getString("type"),
                row.getString("payloadtype"),
                row.getString("payloadrevision"),
                row.getString("timestamp"),
                row.getBytes("payload"),
                row.getBytes("metadata"));
    }
}
