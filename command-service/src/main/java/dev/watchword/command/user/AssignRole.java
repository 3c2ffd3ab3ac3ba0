package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Give the user a role. The actor was authorized before (see {@link AuthorizeActor}).
 *
 * @param expectedVersion the authorization version the actor saw, or {@code null}; when given and stale the
 *                        change is refused, so two admins editing one role set at once cannot both win
 */
public record AssignRole(@TargetAggregateIdentifier String userId, String role, String actorId,
                         Integer expectedVersion, Instant at) {
}
