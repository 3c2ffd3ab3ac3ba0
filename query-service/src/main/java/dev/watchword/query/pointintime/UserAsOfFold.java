package dev.watchword.query.pointintime;

import dev.watchword.events.access.BuiltInRole;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserRegistered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds one user's events, in position order, into {@link UserAsOf}. Pure: no clock, no database; whoever feeds
 * it chooses which events happened by the instant asked about. Events it has no rule for (logins, resets, types
 * this version does not know) count as read and change nothing.
 * <p>
 * From {@code UserErased} on the user is {@link UserAsOf#ERASED} with no address and no live session. Before
 * it, the scrubbed log still tells roles, status, verification and session ids, but carries no address, IP or user
 * agent, so none is shown.
 */
final class UserAsOfFold {

    private final String userId;
    private final Instant asOf;
    private boolean registered;
    private String email;
    private boolean emailVerified;
    private boolean disabled;
    private boolean erased;
    private final Set<String> roles = new LinkedHashSet<>();
    private final Map<String, UserAsOf.Session> sessions = new LinkedHashMap<>();
    private long eventsApplied;

    UserAsOfFold(String userId, Instant asOf) {
        this.userId = userId;
        this.asOf = asOf;
    }

    /** The state at {@code asOf} after {@code events}, which must be that user's, in position order. */
    static UserAsOf fold(String userId, Instant asOf, List<?> events) {
        UserAsOfFold fold = new UserAsOfFold(userId, asOf);
        events.forEach(fold::apply);
        return fold.result();
    }

    void apply(Object event) {
        eventsApplied++;
        switch (event) {
            case UserRegistered e -> {
                registered = true;
                email = e.email();
                // Every account has it from registration (V1, V3: roles default array['user']).
                roles.add(BuiltInRole.USER.roleName());
            }
            case EmailVerified e -> {
                email = e.email();
                emailVerified = true;
            }
            // The new address was proven by the link sent to it, so it counts as verified (as in AdminUserRow).
            case EmailChanged e -> {
                email = e.email();
                emailVerified = true;
            }
            case RoleAssigned e -> roles.add(e.role());
            case RoleRevoked e -> roles.remove(e.role());
            case UserDisabled e -> disabled = true;
            case UserEnabled e -> disabled = false;
            case SessionStarted e ->
                sessions.put(
                        e.sessionId(),
                        new UserAsOf.Session(
                                e.sessionId(), e.startedAt(), e.ipAddress(), e.userAgent(), e.expiresAt(), null));
            case RefreshTokenRotated e ->
                sessions.computeIfPresent(
                        e.sessionId(),
                        (id, session) -> new UserAsOf.Session(
                                id, session.startedAt(), session.ipAddress(), session.device(), e.expiresAt(), null));
            case SessionRevoked e -> sessions.remove(e.sessionId());
            case UserErased e -> {
                erased = true;
                email = null;
                sessions.clear();
            }
            case null, default -> {}
        }
    }

    UserAsOf result() {
        if (!registered) {
            return new UserAsOf(userId, asOf, false, null, null, false, List.of(), List.of(), eventsApplied);
        }
        List<UserAsOf.Session> live = new ArrayList<>();
        for (UserAsOf.Session session : sessions.values()) {
            if (session.expiresAt() == null || session.expiresAt().isAfter(asOf)) {
                live.add(session);
            }
        }
        if (erased) {
            return new UserAsOf(
                    userId,
                    asOf,
                    true,
                    null,
                    UserAsOf.ERASED,
                    emailVerified,
                    List.copyOf(roles),
                    List.of(),
                    eventsApplied);
        }
        return new UserAsOf(
                userId,
                asOf,
                true,
                email,
                disabled ? UserAsOf.DISABLED : UserAsOf.ACTIVE,
                emailVerified,
                List.copyOf(roles),
                List.copyOf(live),
                eventsApplied);
    }
}
