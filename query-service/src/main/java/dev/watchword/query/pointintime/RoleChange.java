package dev.watchword.query.pointintime;

import java.time.Instant;

/**
 * One grant or revocation of a role, as {@code GET /api/admin/users/{id}/roles/{role}/history} lists it.
 *
 * @param change   {@link #ASSIGNED} or {@link #REVOKED}
 * @param by       who did it: the event's {@code assignedBy} or {@code revokedBy}
 * @param at       when it occurred
 * @param position the event's position in the whole store
 */
record RoleChange(String change, String by, Instant at, long position) {

    static final String ASSIGNED = "assigned";
    static final String REVOKED = "revoked";
}
