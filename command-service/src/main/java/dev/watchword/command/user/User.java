package dev.watchword.command.user;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.watchword.events.user.CredentialChange;
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
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.PasswordRemoved;
import dev.watchword.events.user.PasswordResetRequested;
import dev.watchword.events.user.RefreshTokenGraceUsed;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.command.appdirectory.LoginMethodDisabled;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.appdirectory.AppPolicies;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A user account. Command handlers validate and {@code apply}; state changes only in the
 * {@link EventSourcingHandler}s. Snapshotted (Jackson, field access) and cached, so that a user with a long
 * history still loads fast. Every one-time secret is held as a hash only; at most one is outstanding per
 * purpose, so issuing a new one kills the older.
 * <p>
 * Longer than the ~400 lines CONVENTIONS.md suggests, on purpose: it is one consistency boundary, Axon wants
 * its handlers on the aggregate or on members, and the obvious member (sessions) needs the root's roles,
 * status and authorization version in every handler. The pure rules already live beside it
 * ({@link Session}, {@link LoginThrottle}, {@link PendingSecret}, {@link Roles}).
 */
@Aggregate(snapshotTriggerDefinition = "userSnapshotTrigger", cache = "userCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class User {


    /** Wrong codes after which an email OTP dies (at most 5). */
    static final int OTP_ATTEMPTS = 5;

    @AggregateIdentifier
    private String userId;
    private String appId;
    private String email;
    private String passwordHash;
    private boolean emailVerified;
    private PendingSecret verification;
    private PendingSecret passwordReset;
    private PendingSecret magicLink;
    private PendingSecret emailChange;
    private String emailChangeTarget;
    private PendingSecret otp;
    private String otpRequestId;
    private int otpFailures;
    private Set<String> roles = new TreeSet<>();
    private boolean disabled;
    private int authorizationVersion;
    private LoginThrottle throttle = new LoginThrottle();
    private Map<String, Session> sessions = new LinkedHashMap<>();

    protected User() {
        // for Axon and for Jackson (snapshots)
    }

    @CommandHandler
    public User(RegisterUser command) {
        apply(new UserRegistered(command.userId(), command.email(), command.passwordHash(), command.at(),
                command.appId()));
        // Named from the command: state applied in a constructor is not guaranteed to be visible here yet.
        OneTimeSecret link = command.verification();
        apply(new EmailVerificationRequested(command.userId(), command.email(), link.hash(), link.sealed(),
                command.at(), link.expiresAt()));
    }

    @CommandHandler
    public void handle(NoteRegistrationAttempt command) {
        apply(new RegistrationAttemptedForTakenEmail(userId, email, command.ipAddress(), command.at()));
    }

    // --- email verification -----------------------------------------------------------------------------

    /** An address that is already verified needs no link; the caller answers the same either way. */
    @CommandHandler
    public void handle(RequestEmailVerification command) {
        if (!emailVerified) {
            OneTimeSecret link = command.verification();
            apply(new EmailVerificationRequested(userId, email, link.hash(), link.sealed(), command.at(),
                    link.expiresAt()));
        }
    }

    @CommandHandler
    public void handle(VerifyEmail command, PasswordHashing hashing, AppPolicies apps) {
        if (emailVerified || verification == null || !verification.accepts(command.tokenHash(), command.at())) {
            throw new InvalidVerificationToken();
        }
        AppPolicy appPolicy = command.newPassword() == null ? apps.of(appId)
                : requireMethod(apps, LoginMethod.PASSWORD);
        proveMailbox(command.at(), appPolicy);
        if (command.newPassword() != null) {
            apply(new PasswordChanged(userId, email, hashing.hash(command.newPassword()),
                    PasswordChangeReason.VERIFICATION, command.ipAddress(), command.at()));
        }
    }

    /**
     * The first proof that the owner of the address is here (a verification link, a magic link or an email
     * code) ends a pre-account takeover (OWASP ASVS 5.0 V6.4): whoever registered the address before its owner
     * keeps neither the password they chose nor a session they started. The owner sets a password through a
     * reset. Nothing happens to an address that is already verified.
     */
    private void proveMailbox(Instant at, AppPolicy appPolicy) {
        if (emailVerified) {
            return;
        }
        boolean hadPassword = passwordHash != null;
        apply(new EmailVerified(userId, email, at));
        if (hadPassword) {
            apply(new PasswordRemoved(userId, at));
        }
        revokeSessionsExcept(null, SessionRevocationReason.EMAIL_VERIFIED, at, appPolicy);
    }

    // --- password login, lockout ----------------------------------------------------------------------------

    @CommandHandler
    public LoginOutcome handle(Login command, PasswordVerifier passwords, AccountPolicy policy, AppPolicies apps) {
        AppPolicy appPolicy = requireMethod(apps, LoginMethod.PASSWORD);
        String ip = command.ipAddress();
        // The hash is checked even when this address is locked out, so the answer takes as long either way.
        boolean matches = passwords.matches(command.password(), passwordHash);
        if (disabled) {
            apply(new LoginFailed(userId, LoginFailureReason.DISABLED, ip, command.userAgent(), command.at()));
            return new LoginOutcome.Rejected();
        }
        if (throttle.refuses(ip, command.at(), policy)) {
            apply(new LoginFailed(userId, LoginFailureReason.LOCKED, ip, command.userAgent(), command.at()));
            return new LoginOutcome.Rejected();
        }
        if (!matches) {
            int failures = throttle.failuresAfterOneMore(ip);
            apply(new LoginFailed(userId, LoginFailureReason.WRONG_PASSWORD, ip, command.userAgent(),
                    command.at()));
            if (failures >= policy.lockoutThreshold()) {
                apply(new LoginLocked(userId, email, ip, failures, command.at(),
                        command.at().plus(policy.lockoutFor(failures))));
            }
            return new LoginOutcome.Rejected();
        }
        // Told only to whoever knows the password, so it reveals nothing about the account to anyone else.
        if (appPolicy.requireVerifiedEmail() && !emailVerified) {
            apply(new LoginFailed(userId, LoginFailureReason.EMAIL_NOT_VERIFIED, ip, command.userAgent(),
                    command.at()));
            return new LoginOutcome.Unverified();
        }
        return new LoginOutcome.Granted(startSession(LoginMethod.PASSWORD, command.sessionId(),
                command.refreshTokenHash(), ip, command.userAgent(), command.at(), appPolicy));
    }

    // --- password reset and change ----------------------------------------------------------------------

    @CommandHandler
    public void handle(RequestPasswordReset command, AppPolicies apps) {
        requireMethod(apps, LoginMethod.PASSWORD);
        OneTimeSecret link = command.link();
        apply(new PasswordResetRequested(userId, email, link.hash(), link.sealed(), command.ipAddress(),
                command.at(), link.expiresAt(), command.requestedBy()));
    }

    /**
     * A reset proves control of the mailbox and ends every session (OWASP ASVS 5.0 V6.4.1). The token
     * is checked first and the new password hashed last, so a wrong token costs no Argon2id work.
     */
    @CommandHandler
    public void handle(ResetPassword command, PasswordHashing hashing, AppPolicies apps) {
        AppPolicy appPolicy = requireMethod(apps, LoginMethod.PASSWORD);
        if (passwordReset == null || !passwordReset.accepts(command.tokenHash(), command.at())) {
            throw new InvalidResetToken();
        }
        // The reset link proves the mailbox too; the new password and the revocation below already do what
        // the first proof must (pre-account takeover, OWASP ASVS 5.0 V6.4).
        if (!emailVerified) {
            apply(new EmailVerified(userId, email, command.at()));
        }
        apply(new PasswordChanged(userId, email, hashing.hash(command.newPassword()), PasswordChangeReason.RESET,
                command.ipAddress(), command.at()));
        revokeSessionsExcept(null, SessionRevocationReason.PASSWORD_RESET, command.at(), appPolicy);
    }

    /** One Argon2id check of the current password, and a hash of the new one only if it matched. */
    @CommandHandler
    public CurrentPasswordOutcome handle(ChangePassword command, PasswordVerifier passwords, PasswordHashing hashing,
                                         AccountPolicy policy, AppPolicies apps) {
        AppPolicy appPolicy = requireMethod(apps, LoginMethod.PASSWORD);
        requireLiveSession(command.sessionId(), command.at(), policy);
        CurrentPasswordOutcome outcome = checkCurrentPassword(command.currentPassword(), CredentialChange.PASSWORD,
                command.sessionId(), command.ipAddress(), command.userAgent(), command.at(), passwords, policy, appPolicy);
        if (outcome != CurrentPasswordOutcome.ACCEPTED) {
            return outcome;
        }
        apply(new PasswordChanged(userId, email, hashing.hash(command.newPassword()), PasswordChangeReason.CHANGE,
                command.ipAddress(), command.at()));
        if (command.endOtherSessions()) {
            revokeSessionsExcept(command.sessionId(), SessionRevocationReason.PASSWORD_CHANGED, command.at(),
                    appPolicy);
        }
        return outcome;
    }

    // --- email change -------------------------------------------------------------------------------------

    /**
     * The password is checked first, whether or not the new address is taken, so that neither the answer nor
     * who gets an email tells a caller without the password anything about other accounts (OWASP ASVS 5.0
     * V6.3.8). A taken address gets no change request: the caller tells its owner instead.
     */
    @CommandHandler
    public CurrentPasswordOutcome handle(RequestEmailChange command, PasswordVerifier passwords, AccountPolicy policy,
                                         AppPolicies apps) {
        requireLiveSession(command.sessionId(), command.at(), policy);
        CurrentPasswordOutcome outcome = checkCurrentPassword(command.password(), CredentialChange.EMAIL,
                command.sessionId(), command.ipAddress(), command.userAgent(), command.at(), passwords, policy,
                apps.of(appId));
        if (outcome != CurrentPasswordOutcome.ACCEPTED) {
            return outcome;
        }
        if (command.newEmail().equals(email)) {
            throw new SameEmail();
        }
        if (!command.newEmailTaken()) {
            OneTimeSecret link = command.link();
            apply(new EmailChangeRequested(userId, email, command.newEmail(), link.hash(), link.sealed(),
                    command.at(), link.expiresAt()));
        }
        return outcome;
    }

    /**
     * Re-authentication before a change of credentials (OWASP ASVS 5.0 V7.5.1), counted like a login (V6.3.1):
     * a wrong password is recorded, counts toward the address's backoff ({@code LoginLocked}) and the hard
     * lockout, and the session ends after {@link AccountPolicy#lockoutThreshold()} of them, so a stolen access
     * token buys only that many guesses. While the address waits out a lockout the password is not checked.
     */
    private CurrentPasswordOutcome checkCurrentPassword(String password, CredentialChange change, String sessionId,
                                                        String ip, String userAgent, Instant at,
                                                        PasswordVerifier passwords, AccountPolicy policy,
                                                        AppPolicy appPolicy) {
        boolean locked = throttle.refuses(ip, at, policy);
        if (!locked && passwords.matches(password, passwordHash)) {
            return CurrentPasswordOutcome.ACCEPTED;
        }
        // Both counted before the failure is applied: applying it updates the throttle at once.
        int attempt = throttle.sessionFailuresAfterOneMore(sessionId);
        int failures = throttle.failuresAfterOneMore(ip);
        apply(new CurrentPasswordCheckFailed(userId, sessionId, change,
                locked ? LoginFailureReason.LOCKED : LoginFailureReason.WRONG_PASSWORD, attempt, ip, userAgent, at));
        if (!locked && failures >= policy.lockoutThreshold()) {
            apply(new LoginLocked(userId, email, ip, failures, at, at.plus(policy.lockoutFor(failures))));
        }
        if (attempt >= policy.lockoutThreshold()) {
            apply(new SessionRevoked(userId, sessionId, SessionRevocationReason.CURRENT_PASSWORD_FAILURES, at,
                    at.plus(appPolicy.accessTokenLifetime())));
            return CurrentPasswordOutcome.SESSION_ENDED;
        }
        return CurrentPasswordOutcome.WRONG;
    }

    @CommandHandler
    public void handle(ConfirmEmailChange command) {
        if (emailChange == null || !emailChange.accepts(command.tokenHash(), command.at())) {
            throw new InvalidEmailChangeToken();
        }
        apply(new EmailChanged(userId, email, emailChangeTarget, command.at()));
    }

    // --- passwordless -------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(RequestMagicLink command, AppPolicies apps) {
        requireMethod(apps, LoginMethod.MAGIC_LINK);
        OneTimeSecret link = command.link();
        apply(new MagicLinkRequested(userId, email, link.hash(), link.sealed(), command.ipAddress(), command.at(),
                link.expiresAt()));
    }

    @CommandHandler
    public SessionGrant handle(LoginWithMagicLink command, AppPolicies apps) {
        AppPolicy appPolicy = requireMethod(apps, LoginMethod.MAGIC_LINK);
        if (disabled || magicLink == null || !magicLink.accepts(command.tokenHash(), command.at())) {
            throw new InvalidLoginLink();
        }
        proveMailbox(command.at(), appPolicy);
        return startSession(LoginMethod.MAGIC_LINK, command.sessionId(), command.refreshTokenHash(),
                command.ipAddress(), command.userAgent(), command.at(), appPolicy);
    }

    @CommandHandler
    public void handle(RequestEmailOtp command, AppPolicies apps) {
        requireMethod(apps, LoginMethod.EMAIL_OTP);
        OneTimeSecret code = command.code();
        apply(new EmailOtpRequested(userId, email, command.requestId(), code.hash(), code.sealed(),
                command.ipAddress(), command.at(), code.expiresAt()));
    }

    /** A code works for the request that asked for it, before it expires, and dies after 5 wrong tries. */
    @CommandHandler
    public LoginOutcome handle(LoginWithEmailOtp command, AppPolicies apps) {
        AppPolicy appPolicy = requireMethod(apps, LoginMethod.EMAIL_OTP);
        boolean open = !disabled && otp != null && command.requestId().equals(otpRequestId) && otpFailures < OTP_ATTEMPTS
                && command.at().isBefore(otp.expiresAt());
        if (!open) {
            return new LoginOutcome.Rejected();
        }
        if (!otp.accepts(command.codeHash(), command.at())) {
            apply(new EmailOtpFailed(userId, otpRequestId, otpFailures + 1, command.ipAddress(),
                    command.userAgent(), command.at()));
            return new LoginOutcome.Rejected();
        }
        proveMailbox(command.at(), appPolicy);
        return new LoginOutcome.Granted(startSession(LoginMethod.EMAIL_OTP, command.sessionId(),
                command.refreshTokenHash(), command.ipAddress(), command.userAgent(), command.at(), appPolicy));
    }

    // --- sessions -----------------------------------------------------------------------------------------

    /**
     * Rotation with reuse detection (RFC 9700 section 4.14.2, OWASP ASVS 5.0 V10.4.5): the current token is
     * exchanged; the token just replaced still yields the same successor within the grace window, but only to
     * the client that replaced it (two tabs of one browser racing), and that use is recorded; the replaced
     * token from any other client, or any other retired token, revokes the whole session.
     */
    @CommandHandler
    public RefreshOutcome handle(RefreshSession command, AccountPolicy policy, AppPolicies apps) {
        AppPolicy appPolicy = apps.of(appId);
        Instant now = command.at();
        String presented = command.presentedTokenHash();
        if (disabled) {
            throw new InvalidRefreshToken();
        }
        Optional<Session> current = liveSessions(now, policy).filter(s -> s.isCurrent(presented)).findFirst();
        Instant accessTokenExpiry = now.plus(appPolicy.accessTokenLifetime());
        if (current.isPresent()) {
            apply(new RefreshTokenRotated(userId, current.get().sessionId(), presented, command.newTokenHash(), now,
                    current.get().expiresAt(), command.ipAddress(), command.userAgent(), accessTokenExpiry));
            return new RefreshOutcome.Granted(grantFor(current.get().sessionId(), appPolicy, now));
        }
        String client = Session.client(command.ipAddress(), command.userAgent());
        Optional<Session> racing = liveSessions(now, policy)
                .filter(s -> s.isJustRotated(presented, now, policy.refreshGrace())
                        && s.isCurrent(command.newTokenHash()) && s.wasRotatedBy(client))
                .findFirst();
        if (racing.isPresent()) {
            apply(new RefreshTokenGraceUsed(userId, racing.get().sessionId(), command.ipAddress(),
                    command.userAgent(), now, accessTokenExpiry));
            return new RefreshOutcome.Granted(grantFor(racing.get().sessionId(), appPolicy, now));
        }
        Optional<Session> replayed = liveSessions(now, policy).filter(s -> s.hasRetired(presented)).findFirst();
        if (replayed.isPresent()) {
            apply(new RefreshTokenReuseDetected(userId, replayed.get().sessionId(), command.ipAddress(),
                    command.userAgent(), now));
            apply(new SessionRevoked(userId, replayed.get().sessionId(), SessionRevocationReason.REFRESH_TOKEN_REUSE,
                    now, replayed.get().revokedUntil(now, appPolicy.accessTokenLifetime())));
            return new RefreshOutcome.Rejected();
        }
        throw new InvalidRefreshToken();
    }

    /** Logout of the presented refresh token's session; unknown or dead tokens change nothing (RFC 7009). */
    @CommandHandler
    public void handle(RevokeSession command, AppPolicies apps) {
        Duration lifetime = apps.of(appId).accessTokenLifetime();
        sessions.values().stream()
                .filter(s -> !s.revoked() && s.isCurrent(command.presentedTokenHash()))
                .findFirst()
                .ifPresent(s -> apply(new SessionRevoked(userId, s.sessionId(), command.reason(), command.at(),
                        s.revokedUntil(command.at(), lifetime))));
    }

    @CommandHandler
    public void handle(RevokeSessionById command, AccountPolicy policy, AppPolicies apps) {
        requireLiveSession(command.callerSessionId(), command.at(), policy);
        Session target = sessions.get(command.sessionId());
        if (target == null || !target.isLive(command.at(), policy.idleTimeout())) {
            throw new SessionNotFound();
        }
        apply(new SessionRevoked(userId, target.sessionId(), command.reason(), command.at(),
                target.revokedUntil(command.at(), apps.of(appId).accessTokenLifetime())));
    }

    @CommandHandler
    public void handle(RevokeAllSessions command, AccountPolicy policy, AppPolicies apps) {
        requireLiveSession(command.callerSessionId(), command.at(), policy);
        revokeSessionsExcept(null, SessionRevocationReason.LOGOUT_EVERYWHERE, command.at(), apps.of(appId));
    }

    // --- administration -----------------------------------------------------------------------------------

    /** The acting admin's own checks, on the admin's aggregate; see {@link AuthorizeActor}. */
    @CommandHandler
    public void handle(AuthorizeActor command, AccountPolicy policy, AppPolicies apps) {
        requireLiveSession(command.sessionId(), command.at(), policy);
        if (disabled || command.authorizationVersion() != authorizationVersion) {
            throw new StaleAuthorization();
        }
        if (!apps.of(appId).permissionsOf(roles).contains(command.permission())) {
            throw new NotPermitted();
        }
    }

    @CommandHandler
    public void handle(AssignRole command, AppPolicies apps) {
        requireRoleSetVersion(command.role(), command.expectedVersion(), apps);
        if (!roles.contains(command.role())) {
            apply(new RoleAssigned(userId, command.role(), command.actorId(), command.at()));
        }
    }

    @CommandHandler
    public void handle(RevokeRole command, AppPolicies apps) {
        requireRoleSetVersion(command.role(), command.expectedVersion(), apps);
        if (roles.contains(command.role())) {
            apply(new RoleRevoked(userId, command.role(), command.actorId(), command.at()));
        }
    }

    /** Disabling ends every session with it (disabling a user ends all sessions). */
    @CommandHandler
    public void handle(DisableUser command, AppPolicies apps) {
        if (!disabled) {
            apply(new UserDisabled(userId, command.actorId(), command.at()));
            revokeSessionsExcept(null, SessionRevocationReason.USER_DISABLED, command.at(), apps.of(appId));
        }
    }

    @CommandHandler
    public void handle(EnableUser command) {
        if (disabled) {
            apply(new UserEnabled(userId, command.actorId(), command.at()));
        }
    }

    /**
     * Sessions end first, so verifiers learn of them; then the erasure, after which the aggregate is deleted: every
     * later command finds no user, and the stored events keep only what they hold without personal data.
     */
    @CommandHandler
    public void handle(EraseUser command, AppPolicies apps) {
        revokeSessionsExcept(null, SessionRevocationReason.USER_ERASED, command.at(), apps.of(appId));
        apply(new UserErased(userId, command.actorId(), command.at()));
    }

    @CommandHandler
    public void handle(ForceLogout command, AppPolicies apps) {
        revokeSessionsExcept(null, SessionRevocationReason.FORCED_LOGOUT, command.at(), apps.of(appId));
    }

    /**
     * One session, as the user may end it from their list: an unknown, ended or idle-expired session is as absent
     * for an admin as for its user (OWASP ASVS 5.0 V7.4.5: administrators can terminate a user's sessions).
     */
    @CommandHandler
    public void handle(EndSessionByAdmin command, AccountPolicy policy, AppPolicies apps) {
        Session target = sessions.get(command.sessionId());
        if (target == null || !target.isLive(command.at(), policy.idleTimeout())) {
            throw new SessionNotFound();
        }
        apply(new SessionRevoked(userId, target.sessionId(), SessionRevocationReason.REVOKED_BY_ADMIN, command.at(),
                target.revokedUntil(command.at(), apps.of(appId).accessTokenLifetime())));
    }

    /** The user's app must allow {@code method} on every path that leads to it (403 otherwise). */
    private AppPolicy requireMethod(AppPolicies apps, LoginMethod method) {
        AppPolicy appPolicy = apps.of(appId);
        if (!appPolicy.allows(method)) {
            throw new LoginMethodDisabled();
        }
        return appPolicy;
    }

    private void requireRoleSetVersion(String role, Integer expectedVersion, AppPolicies apps) {
        if (!apps.of(appId).hasRole(role)) {
            throw new UnknownRole();
        }
        if (expectedVersion != null && expectedVersion != authorizationVersion) {
            throw new RolesChanged();
        }
    }

    private SessionGrant startSession(LoginMethod method, String sessionId, String refreshTokenHash, String ip,
                                      String userAgent, Instant at, AppPolicy appPolicy) {
        apply(new LoginSucceeded(userId, sessionId, ip, userAgent, at, method));
        apply(new SessionStarted(userId, sessionId, refreshTokenHash, ip, userAgent, at,
                at.plus(appPolicy.refreshTokenLifetime()), at.plus(appPolicy.accessTokenLifetime())));
        return grantFor(sessionId, appPolicy, at);
    }

    /** The token's expiry is the one the session records, to the instant (see {@link Session#revokedUntil}). */
    private SessionGrant grantFor(String sessionId, AppPolicy appPolicy, Instant at) {
        return new SessionGrant(userId, sessionId, List.copyOf(roles), appPolicy.permissionsOf(roles),
                authorizationVersion, appPolicy.appId(), appPolicy.clientId(), appPolicy.accessTokenLifetime(),
                at.plus(appPolicy.accessTokenLifetime()));
    }

    private void requireLiveSession(String sessionId, Instant now, AccountPolicy policy) {
        Session caller = sessionId == null ? null : sessions.get(sessionId);
        if (caller == null || !caller.isLive(now, policy.idleTimeout())) {
            throw new SessionEnded();
        }
    }

    /**
     * Verifiers remember a revoked session as long as its access tokens may live: the app's lifetime, or
     * longer if a token was issued before the app shortened it ({@link Session#revokedUntil}).
     */
    private void revokeSessionsExcept(String keptSessionId, SessionRevocationReason reason, Instant at,
                                      AppPolicy appPolicy) {
        sessions.values().stream()
                .filter(s -> !s.revoked() && at.isBefore(s.expiresAt()) && !s.sessionId().equals(keptSessionId))
                .toList()
                .forEach(s -> apply(new SessionRevoked(userId, s.sessionId(), reason, at,
                        s.revokedUntil(at, appPolicy.accessTokenLifetime()))));
    }

    private java.util.stream.Stream<Session> liveSessions(Instant now, AccountPolicy policy) {
        return sessions.values().stream().filter(s -> s.isLive(now, policy.idleTimeout()));
    }

    // --- state --------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        appId = event.appIdOrDefault();
        email = event.email();
        passwordHash = event.passwordHash();
        roles.add(AppPolicy.USER);
    }

    @EventSourcingHandler
    void on(UserErased event) {
        email = null;
        passwordHash = null;
        emailChangeTarget = null;
        throttle = new LoginThrottle();
        sessions.clear();
        markDeleted();
    }

    @EventSourcingHandler
    void on(RoleAssigned event) {
        roles.add(event.role());
        authorizationVersion++;
    }

    @EventSourcingHandler
    void on(RoleRevoked event) {
        roles.remove(event.role());
        authorizationVersion++;
    }

    @EventSourcingHandler
    void on(UserDisabled event) {
        disabled = true;
        authorizationVersion++;
    }

    @EventSourcingHandler
    void on(UserEnabled event) {
        disabled = false;
        authorizationVersion++;
    }

    @EventSourcingHandler
    void on(EmailVerificationRequested event) {
        verification = new PendingSecret(event.tokenHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(EmailVerified event) {
        emailVerified = true;
        verification = null;
        // Asked for before the owner proved the mailbox, so possibly by whoever registered it first: it would
        // move the account to their address.
        emailChange = null;
        emailChangeTarget = null;
    }

    @EventSourcingHandler
    void on(PasswordRemoved event) {
        passwordHash = null;
    }

    @EventSourcingHandler
    void on(LoginFailed event) {
        if (event.reason() == LoginFailureReason.WRONG_PASSWORD) {
            throttle.failed(event.ipAddress(), event.failedAt());
        }
    }

    @EventSourcingHandler
    void on(CurrentPasswordCheckFailed event) {
        throttle.currentPasswordFailed(event.sessionId(), event.ipAddress(), event.failedAt(),
                event.reason() == LoginFailureReason.WRONG_PASSWORD, sessions.keySet());
    }

    @EventSourcingHandler
    void on(LoginLocked event) {
        throttle.locked(event.ipAddress(), event.lockedUntil());
    }

    @EventSourcingHandler
    void on(LoginSucceeded event) {
        throttle.succeeded(event.ipAddress());
        // Any way into the account spends the pending passwordless secrets: each works once.
        switch (event.methodOrDefault()) {
            case MAGIC_LINK -> magicLink = null;
            case EMAIL_OTP -> otp = null;
            case PASSWORD -> { }
        }
    }

    @EventSourcingHandler
    void on(PasswordResetRequested event) {
        passwordReset = new PendingSecret(event.tokenHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(PasswordChanged event) {
        passwordHash = event.passwordHash();
        passwordReset = null;
        throttle.reset();
    }

    @EventSourcingHandler
    void on(EmailChangeRequested event) {
        emailChange = new PendingSecret(event.tokenHash(), event.expiresAt());
        emailChangeTarget = event.newEmail();
    }

    @EventSourcingHandler
    void on(EmailChanged event) {
        email = event.email();
        // The new address was proven by the link it received.
        emailVerified = true;
        emailChange = null;
        emailChangeTarget = null;
        passwordReset = null;
        magicLink = null;
        otp = null;
    }

    @EventSourcingHandler
    void on(MagicLinkRequested event) {
        magicLink = new PendingSecret(event.tokenHash(), event.expiresAt());
    }

    @EventSourcingHandler
    void on(EmailOtpRequested event) {
        otp = new PendingSecret(event.codeHash(), event.expiresAt());
        otpRequestId = event.requestId();
        otpFailures = 0;
    }

    @EventSourcingHandler
    void on(EmailOtpFailed event) {
        otpFailures = event.attempt();
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        sessions.values().removeIf(s -> s.revoked() || !event.startedAt().isBefore(s.expiresAt()));
        sessions.put(event.sessionId(),
                Session.started(event.sessionId(), event.refreshTokenHash(), event.startedAt(), event.expiresAt(),
                        event.accessTokensExpireBy()));
    }

    @EventSourcingHandler
    void on(RefreshTokenRotated event) {
        sessions.computeIfPresent(event.sessionId(), (id, s) -> s.rotatedTo(event.refreshTokenHash(),
                event.rotatedAt(), Session.client(event.ipAddress(), event.userAgent()),
                event.accessTokensExpireBy()));
    }

    @EventSourcingHandler
    void on(RefreshTokenGraceUsed event) {
        sessions.computeIfPresent(event.sessionId(), (id, s) -> s.graceUsed(event.usedAt(),
                event.accessTokensExpireBy()));
    }

    @EventSourcingHandler
    void on(SessionRevoked event) {
        sessions.computeIfPresent(event.sessionId(), (id, s) -> s.revoke());
    }
}
