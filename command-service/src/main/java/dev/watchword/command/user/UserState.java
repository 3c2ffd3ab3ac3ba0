package dev.watchword.command.user;

import dev.watchword.events.access.BuiltInRole;
import dev.watchword.events.user.CurrentPasswordCheckFailed;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailOtpFailed;
import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.PasswordRemoved;
import dev.watchword.events.user.PasswordResetRequested;
import dev.watchword.events.user.RefreshTokenGraceUsed;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Everything the rules of a user account read, folded from its events; the rules themselves are in the deciders
 * ({@link Registration}, {@link Verification}, {@link PasswordLogin}, {@link Password}, {@link EmailChange},
 * {@link Passwordless}, {@link Sessions}, {@link Administration}). {@link #evolve} is the only place where state
 * changes, and it is one {@code switch} over the sealed {@link UserEvent} without a {@code default}: a new event
 * type does not compile until it says here what it changes (or that it changes nothing).
 * <p>
 * Immutable: {@link #evolve} returns the next state. Every one-time secret is held as a hash only; at most one is
 * outstanding per purpose, so issuing a new one kills the older. Part of the aggregate's snapshot (Jackson), which
 * is stored encrypted with the user's data key; a change of its shape needs a new {@link User#REVISION}.
 *
 * @param verification         the pending email verification link
 * @param emailChange          the pending link that confirms {@code emailChangeTarget}
 * @param otp                  the pending email code, asked for by {@code otpRequestId}, tried wrong
 *                             {@code otpFailures} times
 * @param roles                sorted: a token lists them in this order
 * @param authorizationVersion changes with every role or status change; tokens of an older version are refused where
 *                             permissions matter
 * @param sessions             by session id, in the order they started: revocations are recorded in that order
 */
public record UserState(
        String userId,
        String appId,
        String email,
        String passwordHash,
        boolean emailVerified,
        PendingSecret verification,
        PendingSecret passwordReset,
        PendingSecret magicLink,
        PendingSecret emailChange,
        String emailChangeTarget,
        PendingSecret otp,
        String otpRequestId,
        int otpFailures,
        SortedSet<String> roles,
        boolean disabled,
        int authorizationVersion,
        LoginThrottle throttle,
        Map<String, Session> sessions) {

    public UserState {
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
        sessions = Collections.unmodifiableMap(new LinkedHashMap<>(sessions));
    }

    /** Before the first event. */
    static UserState initial() {
        return new UserState(
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                0,
                new TreeSet<>(),
                false,
                0,
                LoginThrottle.none(),
                Map.of());
    }

    /** The state after {@code event}. */
    public UserState evolve(UserEvent event) {
        return switch (event) {
            case UserRegistered e ->
                change(next -> {
                    next.userId = e.userId();
                    next.appId = e.appIdOrDefault();
                    next.email = e.email();
                    next.passwordHash = e.passwordHash();
                    next.roles = with(roles, BuiltInRole.USER.roleName());
                });
            case RegistrationAttemptedForTakenEmail unchanged -> this;
            case EmailVerificationRequested e ->
                change(next -> next.verification = new PendingSecret(e.tokenHash(), e.expiresAt()));
            case EmailVerified e ->
                change(next -> {
                    next.emailVerified = true;
                    next.verification = null;
                    // Asked for before the owner proved the mailbox, so possibly by whoever registered it first: it
                    // would move the account to their address.
                    next.emailChange = null;
                    next.emailChangeTarget = null;
                });
            case PasswordRemoved e -> change(next -> next.passwordHash = null);
            case LoginFailed e ->
                e.reason() == LoginFailureReason.WRONG_PASSWORD
                        ? change(next -> next.throttle = throttle.failed(e.ipAddress(), e.failedAt()))
                        : this;
            case CurrentPasswordCheckFailed e ->
                change(next -> next.throttle = throttle.currentPasswordFailed(
                        e.sessionId(),
                        e.ipAddress(),
                        e.failedAt(),
                        e.reason() == LoginFailureReason.WRONG_PASSWORD,
                        sessions.keySet()));
            case LoginLocked e -> change(next -> next.throttle = throttle.locked(e.ipAddress(), e.lockedUntil()));
            case LoginSucceeded e ->
                change(next -> {
                    next.throttle = throttle.succeeded(e.ipAddress());
                    // Any way into the account spends the pending passwordless secrets: each works once.
                    switch (e.methodOrDefault()) {
                        case MAGIC_LINK -> next.magicLink = null;
                        case EMAIL_OTP -> next.otp = null;
                        case PASSWORD -> {}
                    }
                });
            case PasswordResetRequested e ->
                change(next -> next.passwordReset = new PendingSecret(e.tokenHash(), e.expiresAt()));
            case PasswordChanged e ->
                change(next -> {
                    next.passwordHash = e.passwordHash();
                    next.passwordReset = null;
                    next.throttle = throttle.reset();
                });
            case EmailChangeRequested e ->
                change(next -> {
                    next.emailChange = new PendingSecret(e.tokenHash(), e.expiresAt());
                    next.emailChangeTarget = e.newEmail();
                });
            case EmailChanged e ->
                change(next -> {
                    next.email = e.email();
                    // The new address was proven by the link it received.
                    next.emailVerified = true;
                    next.emailChange = null;
                    next.emailChangeTarget = null;
                    next.passwordReset = null;
                    next.magicLink = null;
                    next.otp = null;
                });
            case MagicLinkRequested e ->
                change(next -> next.magicLink = new PendingSecret(e.tokenHash(), e.expiresAt()));
            case EmailOtpRequested e ->
                change(next -> {
                    next.otp = new PendingSecret(e.codeHash(), e.expiresAt());
                    next.otpRequestId = e.requestId();
                    next.otpFailures = 0;
                });
            case EmailOtpFailed e -> change(next -> next.otpFailures = e.attempt());
            case SessionStarted e ->
                change(next -> {
                    Map<String, Session> started = new LinkedHashMap<>(sessions);
                    started.values().removeIf(s -> s.revoked() || !e.startedAt().isBefore(s.expiresAt()));
                    started.put(
                            e.sessionId(),
                            Session.started(
                                    e.sessionId(),
                                    e.refreshTokenHash(),
                                    e.startedAt(),
                                    e.expiresAt(),
                                    e.accessTokensExpireBy()));
                    next.sessions = started;
                });
            case RefreshTokenRotated e ->
                change(next -> next.sessions = withSession(
                        e.sessionId(),
                        s -> s.rotatedTo(
                                e.refreshTokenHash(),
                                e.rotatedAt(),
                                Session.client(e.ipAddress(), e.userAgent()),
                                e.accessTokensExpireBy())));
            case RefreshTokenGraceUsed e ->
                change(next -> next.sessions =
                        withSession(e.sessionId(), s -> s.graceUsed(e.usedAt(), e.accessTokensExpireBy())));
            case RefreshTokenReuseDetected unchanged -> this;
            case SessionRevoked e -> change(next -> next.sessions = withSession(e.sessionId(), Session::revoke));
            case RoleAssigned e ->
                change(next -> {
                    next.roles = with(roles, e.role());
                    next.authorizationVersion++;
                });
            case RoleRevoked e ->
                change(next -> {
                    next.roles = without(roles, e.role());
                    next.authorizationVersion++;
                });
            case UserDisabled e ->
                change(next -> {
                    next.disabled = true;
                    next.authorizationVersion++;
                });
            case UserEnabled e ->
                change(next -> {
                    next.disabled = false;
                    next.authorizationVersion++;
                });
            // What is left keeps no personal data; the aggregate is deleted with it (see User).
            case UserErased e ->
                change(next -> {
                    next.email = null;
                    next.passwordHash = null;
                    next.emailChangeTarget = null;
                    next.throttle = LoginThrottle.none();
                    next.sessions = Map.of();
                });
        };
    }

    private UserState change(Consumer<Next> change) {
        Next next = new Next(this);
        change.accept(next);
        return next.state();
    }

    private Map<String, Session> withSession(String sessionId, UnaryOperator<Session> change) {
        Map<String, Session> changed = new LinkedHashMap<>(sessions);
        changed.computeIfPresent(sessionId, (id, s) -> change.apply(s));
        return changed;
    }

    private static SortedSet<String> with(SortedSet<String> roles, String role) {
        SortedSet<String> changed = new TreeSet<>(roles);
        changed.add(role);
        return changed;
    }

    private static SortedSet<String> without(SortedSet<String> roles, String role) {
        SortedSet<String> changed = new TreeSet<>(roles);
        changed.remove(role);
        return changed;
    }

    /** The next state while {@link #evolve} writes it: a copy of the current one, frozen by {@link #state()}. */
    private static final class Next {

        String userId;
        String appId;
        String email;
        String passwordHash;
        boolean emailVerified;
        PendingSecret verification;
        PendingSecret passwordReset;
        PendingSecret magicLink;
        PendingSecret emailChange;
        String emailChangeTarget;
        PendingSecret otp;
        String otpRequestId;
        int otpFailures;
        SortedSet<String> roles;
        boolean disabled;
        int authorizationVersion;
        LoginThrottle throttle;
        Map<String, Session> sessions;

        Next(UserState current) {
            userId = current.userId;
            appId = current.appId;
            email = current.email;
            passwordHash = current.passwordHash;
            emailVerified = current.emailVerified;
            verification = current.verification;
            passwordReset = current.passwordReset;
            magicLink = current.magicLink;
            emailChange = current.emailChange;
            emailChangeTarget = current.emailChangeTarget;
            otp = current.otp;
            otpRequestId = current.otpRequestId;
            otpFailures = current.otpFailures;
            roles = current.roles;
            disabled = current.disabled;
            authorizationVersion = current.authorizationVersion;
            throttle = current.throttle;
            sessions = current.sessions;
        }

        UserState state() {
            return new UserState(
                    userId,
                    appId,
                    email,
                    passwordHash,
                    emailVerified,
                    verification,
                    passwordReset,
                    magicLink,
                    emailChange,
                    emailChangeTarget,
                    otp,
                    otpRequestId,
                    otpFailures,
                    roles,
                    disabled,
                    authorizationVersion,
                    throttle,
                    sessions);
        }
    }
}
