package dev.watchword.command.user;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The commands of administration (the acting admin's checks, roles, status, erasure, ending sessions); their
 * rules are in {@link Administration}.
 */
public sealed interface AdministrationCommand {

    /**
     * Checked on the acting user's own aggregate before an admin command: the token's session is live, the
     * account is enabled, the token's authorization version is the current one (a role removed since the token
     * was issued is not honoured), and the user holds {@code permission} now.
     */
    record AuthorizeActor(
            @TargetAggregateIdentifier String userId,
            String sessionId,
            int authorizationVersion,
            String permission,
            Instant at)
            implements AdministrationCommand {}

    /**
     * Give the user a role. The actor was authorized before (see {@link AuthorizeActor}).
     *
     * @param expectedVersion the authorization version the actor saw, or {@code null}; when given and stale the
     *                        change is refused, so two admins editing one role set at once cannot both win
     */
    record AssignRole(
            @TargetAggregateIdentifier String userId, String role, String actorId, Integer expectedVersion, Instant at)
            implements AdministrationCommand {}

    /** Take a role away; see {@link AssignRole} for {@code expectedVersion}. */
    record RevokeRole(
            @TargetAggregateIdentifier String userId, String role, String actorId, Integer expectedVersion, Instant at)
            implements AdministrationCommand {}

    /** No login of any kind any more; every session ends. */
    record DisableUser(@TargetAggregateIdentifier String userId, String actorId, Instant at)
            implements AdministrationCommand {}

    record EnableUser(@TargetAggregateIdentifier String userId, String actorId, Instant at)
            implements AdministrationCommand {}

    /**
     * Delete the account and erase its personal data (crypto-shredding): every session
     * ends, then {@code UserErased} destroys the user's data key.
     */
    record EraseUser(@TargetAggregateIdentifier String userId, String actorId, Instant at)
            implements AdministrationCommand {}

    /** An admin ends every session of the user. */
    record ForceLogout(@TargetAggregateIdentifier String userId, String actorId, Instant at)
            implements AdministrationCommand {}

    /**
     * An admin ends one session of the user (a lost device, a session from an unexpected place), leaving the others
     * alone; {@link ForceLogout} ends them all. Unlike {@link SessionCommand.RevokeSessionById}, the caller's own
     * session is the admin's, checked on the admin's aggregate before this is sent.
     */
    record EndSessionByAdmin(@TargetAggregateIdentifier String userId, String sessionId, String actorId, Instant at)
            implements AdministrationCommand {}
}
