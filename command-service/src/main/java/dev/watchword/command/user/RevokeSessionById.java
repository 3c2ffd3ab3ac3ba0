package dev.watchword.command.user;

import dev.watchword.events.user.SessionRevocationReason;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * End one session of the user: from the list of sessions (the caller's own session must be live), or by a
 * client app revoking an access token (RFC 7009), where the caller's session is the revoked one.
 */
public record RevokeSessionById(@TargetAggregateIdentifier String userId, String callerSessionId,
                                String sessionId, SessionRevocationReason reason, Instant at) {
}
