package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.user.SessionCommand.RefreshSession;
import dev.watchword.command.user.SessionCommand.RevokeAllSessions;
import dev.watchword.command.user.SessionCommand.RevokeSession;
import dev.watchword.command.user.SessionCommand.RevokeSessionById;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RefreshTokenGraceUsed;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rules of a user's sessions: refresh with rotation, reuse detection and the grace window of racing refreshes;
 * logout of one session, of one chosen from the list, of all. Also what every other flow asks of sessions: how one
 * starts ({@link #start}), that the caller's is live ({@link #requireLive}), and how all end at once
 * ({@link #revokeAllExcept}).
 */
final class Sessions {

    private Sessions() {}

    /**
     * Rotation with reuse detection (RFC 9700 section 4.14.2, OWASP ASVS 5.0 V10.4.5): the current token is
     * exchanged; the token just replaced still yields the same successor within the grace window, but only to
     * the client that replaced it (two tabs of one browser racing), and that use is recorded; the replaced
     * token from any other client, or any other retired token, revokes the whole session.
     */
    static Decision<RefreshOutcome> decide(
            RefreshSession command, UserState state, AccountPolicy policy, AppPolicies apps) {
        AppPolicy appPolicy = apps.of(state.appId());
        Instant now = command.at();
        String presented = command.presentedTokenHash();
        if (state.disabled()) {
            throw UserRuleViolation.invalidRefreshToken();
        }
        Optional<Session> current =
                live(state, now, policy).filter(s -> s.isCurrent(presented)).findFirst();
        Instant accessTokenExpiry = now.plus(appPolicy.accessTokenLifetime());
        if (current.isPresent()) {
            return Decision.of(
                    new RefreshOutcome.Granted(grant(state, current.get().sessionId(), appPolicy, now)),
                    new RefreshTokenRotated(
                            state.userId(),
                            current.get().sessionId(),
                            presented,
                            command.newTokenHash(),
                            now,
                            current.get().expiresAt(),
                            command.ipAddress(),
                            command.userAgent(),
                            accessTokenExpiry));
        }
        String client = Session.client(command.ipAddress(), command.userAgent());
        Optional<Session> racing = live(state, now, policy)
                .filter(s -> s.isJustRotated(presented, now, policy.refreshGrace())
                        && s.isCurrent(command.newTokenHash())
                        && s.wasRotatedBy(client))
                .findFirst();
        if (racing.isPresent()) {
            return Decision.of(
                    new RefreshOutcome.Granted(grant(state, racing.get().sessionId(), appPolicy, now)),
                    new RefreshTokenGraceUsed(
                            state.userId(),
                            racing.get().sessionId(),
                            command.ipAddress(),
                            command.userAgent(),
                            now,
                            accessTokenExpiry));
        }
        Optional<Session> replayed =
                live(state, now, policy).filter(s -> s.hasRetired(presented)).findFirst();
        if (replayed.isPresent()) {
            return Decision.of(
                    new RefreshOutcome.Rejected(),
                    new RefreshTokenReuseDetected(
                            state.userId(), replayed.get().sessionId(), command.ipAddress(), command.userAgent(), now),
                    new SessionRevoked(
                            state.userId(),
                            replayed.get().sessionId(),
                            SessionRevocationReason.REFRESH_TOKEN_REUSE,
                            now,
                            replayed.get().revokedUntil(now, appPolicy.accessTokenLifetime())));
        }
        throw UserRuleViolation.invalidRefreshToken();
    }

    /** Logout of the presented refresh token's session; unknown or dead tokens change nothing (RFC 7009). */
    static List<UserEvent> decide(RevokeSession command, UserState state, AppPolicies apps) {
        Duration lifetime = apps.of(state.appId()).accessTokenLifetime();
        return state.sessions().values().stream()
                .filter(s -> !s.revoked() && s.isCurrent(command.presentedTokenHash()))
                .findFirst()
                .<List<UserEvent>>map(s -> List.of(new SessionRevoked(
                        state.userId(),
                        s.sessionId(),
                        command.reason(),
                        command.at(),
                        s.revokedUntil(command.at(), lifetime))))
                .orElse(List.of());
    }

    static List<UserEvent> decide(RevokeSessionById command, UserState state, AccountPolicy policy, AppPolicies apps) {
        requireLive(state, command.callerSessionId(), command.at(), policy);
        Session target = liveOrNotFound(state, command.sessionId(), command.at(), policy);
        return List.of(new SessionRevoked(
                state.userId(),
                target.sessionId(),
                command.reason(),
                command.at(),
                target.revokedUntil(command.at(), apps.of(state.appId()).accessTokenLifetime())));
    }

    static List<UserEvent> decide(RevokeAllSessions command, UserState state, AccountPolicy policy, AppPolicies apps) {
        requireLive(state, command.callerSessionId(), command.at(), policy);
        return revokeAllExcept(
                state, null, SessionRevocationReason.LOGOUT_EVERYWHERE, command.at(), apps.of(state.appId()));
    }

    /** A login of any kind: recorded, and a session started with the app's lifetimes. */
    static Decision<SessionGrant> start(
            UserState state,
            LoginMethod method,
            String sessionId,
            String refreshTokenHash,
            String ip,
            String userAgent,
            Instant at,
            AppPolicy appPolicy) {
        return Decision.of(
                grant(state, sessionId, appPolicy, at),
                new LoginSucceeded(state.userId(), sessionId, ip, userAgent, at, method),
                new SessionStarted(
                        state.userId(),
                        sessionId,
                        refreshTokenHash,
                        ip,
                        userAgent,
                        at,
                        at.plus(appPolicy.refreshTokenLifetime()),
                        at.plus(appPolicy.accessTokenLifetime())));
    }

    /** The token's expiry is the one the session records, to the instant (see {@link Session#revokedUntil}). */
    static SessionGrant grant(UserState state, String sessionId, AppPolicy appPolicy, Instant at) {
        return new SessionGrant(
                state.userId(),
                sessionId,
                List.copyOf(state.roles()),
                appPolicy.permissionsOf(state.roles()),
                state.authorizationVersion(),
                appPolicy.appId(),
                appPolicy.clientId(),
                appPolicy.accessTokenLifetime(),
                at.plus(appPolicy.accessTokenLifetime()));
    }

    /** The caller's own session (the access token's {@code sid}) must be live, or the token is no longer good. */
    static void requireLive(UserState state, String sessionId, Instant now, AccountPolicy policy) {
        Session caller = sessionId == null ? null : state.sessions().get(sessionId);
        if (caller == null || !caller.isLive(now, policy.idleTimeout())) {
            throw UserRuleViolation.sessionEnded();
        }
    }

    /** A session to end: an unknown, ended or idle-expired one is as absent for an admin as for its user. */
    static Session liveOrNotFound(UserState state, String sessionId, Instant now, AccountPolicy policy) {
        Session target = state.sessions().get(sessionId);
        if (target == null || !target.isLive(now, policy.idleTimeout())) {
            throw UserRuleViolation.sessionNotFound();
        }
        return target;
    }

    /**
     * Every session that has not ended, but {@code keptSessionId}'s. Verifiers remember a revoked session as long
     * as its access tokens may live: the app's lifetime, or longer if a token was issued before the app shortened
     * it ({@link Session#revokedUntil}).
     */
    static List<UserEvent> revokeAllExcept(
            UserState state, String keptSessionId, SessionRevocationReason reason, Instant at, AppPolicy appPolicy) {
        return state.sessions().values().stream()
                .filter(s -> !s.revoked()
                        && at.isBefore(s.expiresAt())
                        && !s.sessionId().equals(keptSessionId))
                .<UserEvent>map(s -> new SessionRevoked(
                        state.userId(), s.sessionId(), reason, at, s.revokedUntil(at, appPolicy.accessTokenLifetime())))
                .toList();
    }

    private static Stream<Session> live(UserState state, Instant now, AccountPolicy policy) {
        return state.sessions().values().stream().filter(s -> s.isLive(now, policy.idleTimeout()));
    }
}
