package dev.watchword.command.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * One login's state inside the aggregate: the current refresh token's hash, the one it replaced (for the
 * grace window of racing refreshes) and the hashes retired before it (to recognise a replayed token).
 *
 * @param retiredHashes        the most recent {@value #RETIRED_KEPT} rotated-away hashes; a token older than
 *                             that is simply unknown
 * @param rotatedBy            the client (a hash of its address and user agent, never the two in clear) that
 *                             made the last rotation: the only one a racing refresh is honoured for;
 *                             {@code null} when unknown
 * @param accessTokensExpireBy the latest expiry of an access token issued for this session; {@code null} when
 *                             the events predate it
 */
public record Session(
        String sessionId,
        String refreshTokenHash,
        String previousTokenHash,
        Instant rotatedAt,
        Instant lastUsedAt,
        Instant expiresAt,
        boolean revoked,
        List<String> retiredHashes,
        String rotatedBy,
        Instant accessTokensExpireBy) {

    static final int RETIRED_KEPT = 50;

    static Session started(
            String sessionId, String refreshTokenHash, Instant at, Instant expiresAt, Instant accessTokensExpireBy) {
        return new Session(
                sessionId, refreshTokenHash, null, null, at, expiresAt, false, List.of(), null, accessTokensExpireBy);
    }

    /**
     * Who a client is, for binding a racing refresh to the client that rotated: its address and user agent,
     * hashed so that the aggregate's snapshots hold no personal data in clear.
     */
    static String client(String ipAddress, String userAgent) {
        if (ipAddress == null && userAgent == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((Objects.toString(ipAddress, "") + "\n" + Objects.toString(userAgent, ""))
                            .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Live: not revoked, within its absolute lifetime and not idle for longer than {@code idleTimeout}. */
    boolean isLive(Instant now, Duration idleTimeout) {
        return !revoked && now.isBefore(expiresAt) && now.isBefore(lastUsedAt.plus(idleTimeout));
    }

    boolean isCurrent(String tokenHash) {
        return refreshTokenHash.equals(tokenHash);
    }

    /** The token this session rotated away from last, still within the grace window. */
    boolean isJustRotated(String tokenHash, Instant now, Duration grace) {
        return tokenHash.equals(previousTokenHash) && rotatedAt != null && now.isBefore(rotatedAt.plus(grace));
    }

    /** The client that made the last rotation; an unknown one matches nobody. */
    boolean wasRotatedBy(String client) {
        return rotatedBy != null && rotatedBy.equals(client);
    }

    boolean hasRetired(String tokenHash) {
        return tokenHash.equals(previousTokenHash) || retiredHashes.contains(tokenHash);
    }

    /**
     * How long verifiers must refuse this session's access tokens after a revocation at {@code at}: as long
     * as the longest of them may live, which is the app's current lifetime or, if the app has shortened it
     * since, the expiry of a token issued before (OWASP ASVS 5.0 V7.4.1).
     */
    Instant revokedUntil(Instant at, Duration currentAccessTokenLifetime) {
        Instant current = at.plus(currentAccessTokenLifetime);
        return accessTokensExpireBy != null && accessTokensExpireBy.isAfter(current) ? accessTokensExpireBy : current;
    }

    Session rotatedTo(String newHash, Instant at, String client, Instant accessTokenExpiry) {
        List<String> retired = new ArrayList<>(retiredHashes);
        if (previousTokenHash != null) {
            retired.add(previousTokenHash);
        }
        while (retired.size() > RETIRED_KEPT) {
            retired.removeFirst();
        }
        return new Session(
                sessionId,
                newHash,
                refreshTokenHash,
                at,
                at,
                expiresAt,
                false,
                List.copyOf(retired),
                client,
                latest(accessTokenExpiry));
    }

    Session graceUsed(Instant at, Instant accessTokenExpiry) {
        return new Session(
                sessionId,
                refreshTokenHash,
                previousTokenHash,
                rotatedAt,
                at,
                expiresAt,
                revoked,
                retiredHashes,
                rotatedBy,
                latest(accessTokenExpiry));
    }

    Session revoke() {
        return new Session(
                sessionId,
                refreshTokenHash,
                previousTokenHash,
                rotatedAt,
                lastUsedAt,
                expiresAt,
                true,
                retiredHashes,
                rotatedBy,
                accessTokensExpireBy);
    }

    private Instant latest(Instant accessTokenExpiry) {
        if (accessTokensExpireBy == null) {
            return accessTokenExpiry;
        }
        return accessTokenExpiry != null && accessTokenExpiry.isAfter(accessTokensExpireBy)
                ? accessTokenExpiry
                : accessTokensExpireBy;
    }
}
