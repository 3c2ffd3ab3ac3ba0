package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Checked on the acting user's own aggregate before an admin command: the token's session is live, the
 * account is enabled, the token's authorization version is the current one (a role removed since the token
 * was issued is not honoured), and the user holds {@code permission} now.
 */
public record AuthorizeActor(@TargetAggregateIdentifier String userId, String sessionId, int authorizationVersion,
                             String permission, Instant at) {
}
