package dev.watchword.command.user;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserRegistered;
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

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A user account. Command handlers validate and {@code apply}; state changes only in the
 * {@link EventSourcingHandler}s. Snapshotted (Jackson, field access) and cached, so that a user with a long
 * history still loads fast.
 */
@Aggregate(snapshotTriggerDefinition = "userSnapshotTrigger", cache = "userCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class User {

    /** Until role management exists (a later issue), every account holds the built-in role {@code user}. */
    static final List<String> DEFAULT_ROLES = List.of("user");

    @AggregateIdentifier
    private String userId;
    private String email;
    private String passwordHash;
    private boolean emailVerified;
    private String verificationTokenHash;
    private Instant verificationExpiresAt;
    private Map<String, Session> sessions = new LinkedHashMap<>();

    protected User() {
        // for Axon and for Jackson (snapshots)
    }

    @CommandHandler
    public User(RegisterUser command) {
        apply(new UserRegistered(command.userId(), command.email(), command.passwordHash(), command.at()));
        // Named from the command: state applied in a constructor is not guaranteed to be visible here yet.
        apply(verificationRequested(command.userId(), command.email(), command.verification(), command.at()));
    }

    @CommandHandler
    public void handle(NoteRegistrationAttempt command) {
        apply(new RegistrationAttemptedForTakenEmail(userId, email, command.ipAddress(), command.at()));
    }

    /** An address that is already verified needs no link; the caller answers the same either way. */
    @CommandHandler
    public void handle(RequestEmailVerification command) {
        if (!emailVerified) {
            apply(verificationRequested(userId, email, command.verification(), command.at()));
        }
    }

    @CommandHandler
    public void handle(VerifyEmail command) {
        boolean valid = !emailVerified
                && verificationTokenHash != null
                && verificationTokenHash.equals(command.tokenHash())
                && command.at().isBefore(verificationExpiresAt);
        if (!valid) {
            throw new InvalidVerificationToken();
        }
        apply(new EmailVerified(userId, email, command.at()));
    }

    @CommandHandler
    public LoginOutcome handle(Login command, PasswordVerifier passwords, SessionPolicy policy) {
        if (!passwords.matches(command.password(), passwordHash)) {
            apply(new LoginFailed(userId, LoginFailureReason.WRONG_PASSWORD, command.ipAddress(),
                    command.userAgent(), command.at()));
            return new LoginOutcome.Rejected();
        }
        apply(new LoginSucceeded(userId, command.sessionId(), command.ipAddress(), command.userAgent(),
                command.at(), LoginMethod.PASSWORD));
        apply(new SessionStarted(userId, command.sessionId(), command.refreshTokenHash(), command.ipAddress(),
                command.userAgent(), command.at(), command.at().plus(policy.refreshTokenLifetime())));
        return new LoginOutcome.Granted(new SessionGrant(userId, command.sessionId(), DEFAULT_ROLES));
    }

    @CommandHandler
    public SessionGrant handle(RefreshSession command) {
        Session session = sessionAccepting(command.presentedTokenHash(), command.at())
                .orElseThrow(InvalidRefreshToken::new);
        apply(new RefreshTokenRotated(userId, session.sessionId(), command.presentedTokenHash(),
                command.newTokenHash(), command.at(), session.expiresAt()));
        return new SessionGrant(userId, session.sessionId(), DEFAULT_ROLES);
    }

    @CommandHandler
    public void handle(RevokeSession command) {
        sessionAccepting(command.presentedTokenHash(), command.at()).ifPresent(session ->
                apply(new SessionRevoked(userId, session.sessionId(), command.reason(), command.at(),
                        command.at().plus(command.accessTokenLifetime()))));
    }

    private static EmailVerificationRequested verificationRequested(String userId, String email,
                                                                    OneTimeSecret link, Instant at) {
        return new EmailVerificationRequested(userId, email, link.hash(), link.sealed(), at, link.expiresAt());
    }

    private Optional<Session> sessionAccepting(String tokenHash, Instant now) {
        return sessions.values().stream().filter(s -> s.acceptsRefreshToken(tokenHash, now)).findFirst();
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        email = event.email();
        passwordHash = event.passwordHash();
    }

    @EventSourcingHandler
    void on(EmailVerificationRequested event) {
        verificationTokenHash = event.tokenHash();
        verificationExpiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(EmailVerified event) {
        emailVerified = true;
        verificationTokenHash = null;
        verificationExpiresAt = null;
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        dropEndedSessions(event.startedAt());
        sessions.put(event.sessionId(),
                new Session(event.sessionId(), event.refreshTokenHash(), event.expiresAt(), false));
    }

    @EventSourcingHandler
    void on(RefreshTokenRotated event) {
        sessions.computeIfPresent(event.sessionId(),
                (id, s) -> s.rotatedTo(event.refreshTokenHash(), event.expiresAt()));
    }

    @EventSourcingHandler
    void on(SessionRevoked event) {
        sessions.computeIfPresent(event.sessionId(), (id, s) -> s.revoke());
    }

    /** Keeps the aggregate (and its snapshots) small: ended sessions can never be used again. */
    private void dropEndedSessions(Instant now) {
        sessions.values().removeIf(s -> s.revoked() || !now.isBefore(s.expiresAt()));
    }

    /** The session lifetimes the aggregate needs; a bean, so that configuration stays out of commands. */
    public interface SessionPolicy {

        Duration refreshTokenLifetime();
    }
}
