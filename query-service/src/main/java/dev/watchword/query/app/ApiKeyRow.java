package dev.watchword.query.app;

import java.time.Instant;

/**
 * Read model: one API key of a client app, as far as it may be shown: the recognizable prefix, never the key
 * or its hash.
 *
 * @param status     {@link #ACTIVE}, {@link #RETIRING} or {@link #REVOKED}, as the latest event left it; see
 *                   {@link #statusAt(Instant)} for what the admin sees
 * @param validUntil the end of the grace period of {@code ApiKeyRetired}, else {@code null}
 * @param revokedAt  when {@code ApiKeyRevoked} stopped it, else {@code null}
 */
public record ApiKeyRow(
        String appId,
        String keyId,
        String prefix,
        String issuedBy,
        Instant issuedAt,
        String status,
        Instant validUntil,
        Instant revokedAt) {

    public static final String ACTIVE = "active";
    public static final String RETIRING = "retiring";
    public static final String REVOKED = "revoked";
    /** A retiring key whose grace period is over. Never stored: no event marks the moment. */
    public static final String EXPIRED = "expired";

    /** The status at {@code now}: a retiring key stops working at {@code validUntil}, and shows as expired. */
    public String statusAt(Instant now) {
        if (RETIRING.equals(status) && validUntil != null && !now.isBefore(validUntil)) {
            return EXPIRED;
        }
        return status;
    }
}
