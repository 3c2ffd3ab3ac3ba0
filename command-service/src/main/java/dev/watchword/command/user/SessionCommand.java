package dev.watchword.command.user;

import dev.watchword.events.user.SessionRevocationReason;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of a user's own sessions (refresh, logout, revocation); their rules are in {@link Sessions}. */
public sealed interface SessionCommand {

    /**
     * Exchange the session's current refresh token for its successor (RFC 9700 section 4.14.2, rotation). The
     * successor is derived from the presented token by the caller, so that the same token presented twice within
     * the grace window yields the same successor.
     */
    record RefreshSession(
            @TargetAggregateIdentifier String userId,
            String presentedTokenHash,
            String newTokenHash,
            String ipAddress,
            String userAgent,
            Instant at)
            implements SessionCommand {

        public RefreshSession(String userId, String presentedTokenHash, String newTokenHash, Instant at) {
            this(userId, presentedTokenHash, newTokenHash, null, null, at);
        }
    }

    /** End the session that the presented refresh token belongs to; unknown or dead tokens change nothing. */
    record RevokeSession(
            @TargetAggregateIdentifier String userId,
            String presentedTokenHash,
            SessionRevocationReason reason,
            Instant at)
            implements SessionCommand {}

    /**
     * End one session of the user: from the list of sessions (the caller's own session must be live), or by a
     * client app revoking an access token (RFC 7009), where the caller's session is the revoked one.
     */
    record RevokeSessionById(
            @TargetAggregateIdentifier String userId,
            String callerSessionId,
            String sessionId,
            SessionRevocationReason reason,
            Instant at)
            implements SessionCommand {}

    /** Log out everywhere: every live session of the user ends, the caller's included. */
    record RevokeAllSessions(@TargetAggregateIdentifier String userId, String callerSessionId, Instant at)
            implements SessionCommand {}
}
