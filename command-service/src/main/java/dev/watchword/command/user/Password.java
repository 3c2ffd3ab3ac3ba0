package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.user.PasswordCommand.ChangePassword;
import dev.watchword.command.user.PasswordCommand.RequestPasswordReset;
import dev.watchword.command.user.PasswordCommand.ResetPassword;
import dev.watchword.events.user.CredentialChange;
import dev.watchword.events.user.CurrentPasswordCheckFailed;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.PasswordResetRequested;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.UserEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of setting a password: a reset by link (which proves the mailbox and ends every session), a change by
 * the logged-in user, and the re-authentication with the current password that a change of credentials asks for
 * ({@link #checkCurrent}, also used by {@link EmailChange}). A password chosen while verifying the address is
 * {@link Verification}'s.
 */
final class Password {

    private Password() {}

    static List<UserEvent> decide(RequestPasswordReset command, UserState state, AppPolicies apps) {
        LoginMethods.require(apps, state, LoginMethod.PASSWORD);
        OneTimeSecret link = command.link();
        return List.of(new PasswordResetRequested(
                state.userId(),
                state.email(),
                link.hash(),
                link.sealed(),
                command.ipAddress(),
                command.at(),
                link.expiresAt(),
                command.requestedBy()));
    }

    /**
     * A reset proves control of the mailbox and ends every session (OWASP ASVS 5.0 V6.4.1). The token
     * is checked first and the new password hashed last, so a wrong token costs no Argon2id work.
     */
    static List<UserEvent> decide(ResetPassword command, UserState state, PasswordHashing hashing, AppPolicies apps) {
        AppPolicy appPolicy = LoginMethods.require(apps, state, LoginMethod.PASSWORD);
        PendingSecret link = state.passwordReset();
        if (link == null || !link.accepts(command.tokenHash(), command.at())) {
            throw UserRuleViolation.invalidResetToken();
        }
        List<UserEvent> events = new ArrayList<>();
        // The reset link proves the mailbox too; the new password and the revocation below already do what
        // the first proof must (pre-account takeover, OWASP ASVS 5.0 V6.4).
        if (!state.emailVerified()) {
            events.add(new EmailVerified(state.userId(), state.email(), command.at()));
        }
        events.add(new PasswordChanged(
                state.userId(),
                state.email(),
                hashing.hash(command.newPassword()),
                PasswordChangeReason.RESET,
                command.ipAddress(),
                command.at()));
        events.addAll(
                Sessions.revokeAllExcept(state, null, SessionRevocationReason.PASSWORD_RESET, command.at(), appPolicy));
        return events;
    }

    /** One Argon2id check of the current password, and a hash of the new one only if it matched. */
    static Decision<CurrentPasswordOutcome> decide(
            ChangePassword command,
            UserState state,
            PasswordVerifier passwords,
            PasswordHashing hashing,
            AccountPolicy policy,
            AppPolicies apps) {
        AppPolicy appPolicy = LoginMethods.require(apps, state, LoginMethod.PASSWORD);
        Sessions.requireLive(state, command.sessionId(), command.at(), policy);
        Decision<CurrentPasswordOutcome> check = checkCurrent(
                state,
                command.currentPassword(),
                CredentialChange.PASSWORD,
                command.sessionId(),
                command.ipAddress(),
                command.userAgent(),
                command.at(),
                passwords,
                policy,
                appPolicy);
        if (check.outcome() != CurrentPasswordOutcome.ACCEPTED) {
            return check;
        }
        List<UserEvent> events = new ArrayList<>();
        events.add(new PasswordChanged(
                state.userId(),
                state.email(),
                hashing.hash(command.newPassword()),
                PasswordChangeReason.CHANGE,
                command.ipAddress(),
                command.at()));
        if (command.endOtherSessions()) {
            events.addAll(Sessions.revokeAllExcept(
                    state, command.sessionId(), SessionRevocationReason.PASSWORD_CHANGED, command.at(), appPolicy));
        }
        return new Decision<>(CurrentPasswordOutcome.ACCEPTED, events);
    }

    /**
     * Re-authentication before a change of credentials (OWASP ASVS 5.0 V7.5.1), counted like a login (V6.3.1):
     * a wrong password is recorded, counts toward the address's backoff ({@code LoginLocked}) and the hard
     * lockout, and the session ends after {@link AccountPolicy#lockoutThreshold()} of them, so a stolen access
     * token buys only that many guesses. While the address waits out a lockout the password is not checked.
     * Accepted is an answer without events.
     */
    static Decision<CurrentPasswordOutcome> checkCurrent(
            UserState state,
            String password,
            CredentialChange change,
            String sessionId,
            String ip,
            String userAgent,
            Instant at,
            PasswordVerifier passwords,
            AccountPolicy policy,
            AppPolicy appPolicy) {
        LoginThrottle throttle = state.throttle();
        boolean locked = throttle.refuses(ip, at, policy);
        if (!locked && passwords.matches(password, state.passwordHash())) {
            return Decision.of(CurrentPasswordOutcome.ACCEPTED);
        }
        // Both counted on the state before this failure: the event below is what adds it.
        int attempt = throttle.sessionFailuresAfterOneMore(sessionId);
        int failures = throttle.failuresAfterOneMore(ip);
        List<UserEvent> events = new ArrayList<>();
        events.add(new CurrentPasswordCheckFailed(
                state.userId(),
                sessionId,
                change,
                locked ? LoginFailureReason.LOCKED : LoginFailureReason.WRONG_PASSWORD,
                attempt,
                ip,
                userAgent,
                at));
        if (!locked && failures >= policy.lockoutThreshold()) {
            events.add(new LoginLocked(
                    state.userId(), state.email(), ip, failures, at, at.plus(policy.lockoutFor(failures))));
        }
        if (attempt >= policy.lockoutThreshold()) {
            events.add(new SessionRevoked(
                    state.userId(),
                    sessionId,
                    SessionRevocationReason.CURRENT_PASSWORD_FAILURES,
                    at,
                    at.plus(appPolicy.accessTokenLifetime())));
            return new Decision<>(CurrentPasswordOutcome.SESSION_ENDED, events);
        }
        return new Decision<>(CurrentPasswordOutcome.WRONG, events);
    }
}
