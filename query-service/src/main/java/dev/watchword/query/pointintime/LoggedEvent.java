package dev.watchword.query.pointintime;

import java.time.Instant;

/**
 * One row of {@code audit_entry} as the point-in-time answers need it.
 *
 * @param position   the event's position in the whole store
 * @param occurredAt when the event occurred
 * @param actor      who did it, as the audit trail recorded it
 * @param event      the payload as its record, {@code null} for a type this version does not know
 */
record LoggedEvent(long position, Instant occurredAt, String actor, Object event) {}
