package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.user.AdministrationCommand.AssignRole;
import dev.watchword.command.user.AdministrationCommand.AuthorizeActor;
import dev.watchword.command.user.AdministrationCommand.DisableUser;
import dev.watchword.command.user.AdministrationCommand.EnableUser;
import dev.watchword.command.user.AdministrationCommand.EndSessionByAdmin;
import dev.watchword.command.user.AdministrationCommand.EraseUser;
import dev.watchword.command.user.AdministrationCommand.ForceLogout;
import dev.watchword.command.user.AdministrationCommand.RevokeRole;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of administration: the acting admin's own checks ({@link AuthorizeActor}, on the admin's account),
 * and what an admin does to a user: roles (with optimistic concurrency on the authorization version), disabling
 * and enabling, erasure, ending one session or all.
 */
final class Administration {

    private Administration() {}

    /** Passes without an event, or throws; see {@link AuthorizeActor}. */
    static List<UserEvent> decide(AuthorizeActor command, UserState state, AccountPolicy policy, AppPolicies apps) {
        Sessions.requireLive(state, command.sessionId(), command.at(), policy);
        if (state.disabled() || command.authorizationVersion() != state.authorizationVersion()) {
            throw UserRuleViolation.staleAuthorization();
        }
        if (!apps.of(state.appId()).permissionsOf(state.roles()).contains(command.permission())) {
            throw UserRuleViolation.notPermitted();
        }
        return List.of();
    }

    static List<UserEvent> decide(AssignRole command, UserState state, AppPolicies apps) {
        requireRoleSetVersion(state, command.role(), command.expectedVersion(), apps);
        if (state.roles().contains(command.role())) {
            return List.of();
        }
        return List.of(new RoleAssigned(state.userId(), command.role(), command.actorId(), command.at()));
    }

    static List<UserEvent> decide(RevokeRole command, UserState state, AppPolicies apps) {
        requireRoleSetVersion(state, command.role(), command.expectedVersion(), apps);
        if (!state.roles().contains(command.role())) {
            return List.of();
        }
        return List.of(new RoleRevoked(state.userId(), command.role(), command.actorId(), command.at()));
    }

    /** Disabling ends every session with it (disabling a user ends all sessions). */
    static List<UserEvent> decide(DisableUser command, UserState state, AppPolicies apps) {
        if (state.disabled()) {
            return List.of();
        }
        List<UserEvent> events = new ArrayList<>();
        events.add(new UserDisabled(state.userId(), command.actorId(), command.at()));
        events.addAll(Sessions.revokeAllExcept(
                state, null, SessionRevocationReason.USER_DISABLED, command.at(), apps.of(state.appId())));
        return events;
    }

    static List<UserEvent> decide(EnableUser command, UserState state) {
        if (!state.disabled()) {
            return List.of();
        }
        return List.of(new UserEnabled(state.userId(), command.actorId(), command.at()));
    }

    /**
     * Sessions end first, so verifiers learn of them; then the erasure, after which the aggregate is deleted: every
     * later command finds no user, and the stored events keep only what they hold without personal data.
     */
    static List<UserEvent> decide(EraseUser command, UserState state, AppPolicies apps) {
        List<UserEvent> events = new ArrayList<>(Sessions.revokeAllExcept(
                state, null, SessionRevocationReason.USER_ERASED, command.at(), apps.of(state.appId())));
        events.add(new UserErased(state.userId(), command.actorId(), command.at()));
        return events;
    }

    static List<UserEvent> decide(ForceLogout command, UserState state, AppPolicies apps) {
        return Sessions.revokeAllExcept(
                state, null, SessionRevocationReason.FORCED_LOGOUT, command.at(), apps.of(state.appId()));
    }

    /**
     * One session, as the user may end it from their list: an unknown, ended or idle-expired session is as absent
     * for an admin as for its user (OWASP ASVS 5.0 V7.4.5: administrators can terminate a user's sessions).
     */
    static List<UserEvent> decide(EndSessionByAdmin command, UserState state, AccountPolicy policy, AppPolicies apps) {
        Session target = Sessions.liveOrNotFound(state, command.sessionId(), command.at(), policy);
        return List.of(new SessionRevoked(
                state.userId(),
                target.sessionId(),
                SessionRevocationReason.REVOKED_BY_ADMIN,
                command.at(),
                target.revokedUntil(command.at(), apps.of(state.appId()).accessTokenLifetime())));
    }

    private static void requireRoleSetVersion(UserState state, String role, Integer expectedVersion, AppPolicies apps) {
        if (!apps.of(state.appId()).hasRole(role)) {
            throw UserRuleViolation.unknownRole();
        }
        if (expectedVersion != null && expectedVersion != state.authorizationVersion()) {
            throw UserRuleViolation.rolesChanged();
        }
    }
}
