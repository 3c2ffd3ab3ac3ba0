package dev.watchword.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.user.AdministrationCommand.AssignRole;
import dev.watchword.command.user.AdministrationCommand.AuthorizeActor;
import dev.watchword.command.user.AdministrationCommand.DisableUser;
import dev.watchword.command.user.AdministrationCommand.EnableUser;
import dev.watchword.command.user.AdministrationCommand.EndSessionByAdmin;
import dev.watchword.command.user.AdministrationCommand.EraseUser;
import dev.watchword.command.user.AdministrationCommand.ForceLogout;
import dev.watchword.command.user.AdministrationCommand.RevokeRole;
import dev.watchword.command.user.EmailChangeCommand.ConfirmEmailChange;
import dev.watchword.command.user.EmailChangeCommand.RequestEmailChange;
import dev.watchword.command.user.PasswordCommand.ChangePassword;
import dev.watchword.command.user.PasswordCommand.RequestPasswordReset;
import dev.watchword.command.user.PasswordCommand.ResetPassword;
import dev.watchword.command.user.PasswordLoginCommand.Login;
import dev.watchword.command.user.PasswordlessCommand.LoginWithEmailOtp;
import dev.watchword.command.user.PasswordlessCommand.LoginWithMagicLink;
import dev.watchword.command.user.PasswordlessCommand.RequestEmailOtp;
import dev.watchword.command.user.PasswordlessCommand.RequestMagicLink;
import dev.watchword.command.user.RegistrationCommand.NoteRegistrationAttempt;
import dev.watchword.command.user.RegistrationCommand.RegisterUser;
import dev.watchword.command.user.SessionCommand.RefreshSession;
import dev.watchword.command.user.SessionCommand.RevokeAllSessions;
import dev.watchword.command.user.SessionCommand.RevokeSession;
import dev.watchword.command.user.SessionCommand.RevokeSessionById;
import dev.watchword.command.user.VerificationCommand.RequestEmailVerification;
import dev.watchword.command.user.VerificationCommand.VerifyEmail;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A user account, as Axon sees it: each command handler hands the command, the {@link UserState} and what the rule
 * needs to the decider of its flow, and records the events that decider returns; {@link #on(UserEvent)} folds
 * every event into the state. No rule lives here. To find one, look for its flow:
 * <ul>
 *     <li>{@link Registration}: registering, and a registration of a taken address;</li>
 *     <li>{@link Verification}: verifying the address, and the first proof of the mailbox that ends a pre-account
 *         takeover;</li>
 *     <li>{@link PasswordLogin}: login with a password, backoff and lockout;</li>
 *     <li>{@link Password}: password reset and change, and re-authentication with the current password;</li>
 *     <li>{@link EmailChange}: moving the account to another address;</li>
 *     <li>{@link Passwordless}: magic links and email codes;</li>
 *     <li>{@link Sessions}: refresh (rotation, reuse, grace window), logout, revocation;</li>
 *     <li>{@link Administration}: the acting admin's checks, roles, disabling, erasure, ending sessions.</li>
 * </ul>
 * The commands of each flow are in its {@code <Flow>Command} file, the broken rules in {@link UserRuleViolation}.
 * <p>
 * Snapshotted (Jackson, field access) and cached ({@link #REPOSITORY}), so that a user with a long history still
 * loads fast. A snapshot
 * holds {@link UserState} in the shape of {@link #REVISION}; one of another revision is skipped (the
 * {@link #SNAPSHOT_FILTER} bean), and the user is loaded from its events instead.
 */
@Aggregate(repository = User.REPOSITORY, snapshotFilter = User.SNAPSHOT_FILTER)
@Revision(User.REVISION)
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class User {

    /**
     * The shape of a snapshot. Snapshots of before this revision held every field on the aggregate itself and
     * have no revision: read into this shape they would give a user without any state, so they are never used.
     * Raise it with every change of {@link UserState}'s shape (or of a type in it) that Jackson cannot read into
     * the new shape.
     */
    public static final String REVISION = "2";
    /** The bean of the filter that lets only snapshots of {@link #REVISION} be used. */
    public static final String SNAPSHOT_FILTER = "userSnapshotFilter";
    /** The bean of the repository: snapshots every {@code watchword.snapshots.threshold} events, and a cache. */
    public static final String REPOSITORY = "userRepository";

    @AggregateIdentifier
    private String userId;

    private UserState state = UserState.initial();

    protected User() {
        // for Axon and for Jackson (snapshots)
    }

    // --- registration -------------------------------------------------------------------------------------

    @CommandHandler
    public User(RegisterUser command) {
        applyAll(Registration.decide(command));
    }

    @CommandHandler
    public void handle(NoteRegistrationAttempt command) {
        applyAll(Registration.decide(command, state));
    }

    // --- email verification -------------------------------------------------------------------------------

    @CommandHandler
    public void handle(RequestEmailVerification command) {
        applyAll(Verification.decide(command, state));
    }

    @CommandHandler
    public void handle(VerifyEmail command, PasswordHashing hashing, AppPolicies apps) {
        applyAll(Verification.decide(command, state, hashing, apps));
    }

    // --- password login -----------------------------------------------------------------------------------

    @CommandHandler
    public LoginOutcome handle(Login command, PasswordVerifier passwords, AccountPolicy policy, AppPolicies apps) {
        return applied(PasswordLogin.decide(command, state, passwords, policy, apps));
    }

    // --- password reset and change ------------------------------------------------------------------------

    @CommandHandler
    public void handle(RequestPasswordReset command, AppPolicies apps) {
        applyAll(Password.decide(command, state, apps));
    }

    @CommandHandler
    public void handle(ResetPassword command, PasswordHashing hashing, AppPolicies apps) {
        applyAll(Password.decide(command, state, hashing, apps));
    }

    @CommandHandler
    public CurrentPasswordOutcome handle(
            ChangePassword command,
            PasswordVerifier passwords,
            PasswordHashing hashing,
            AccountPolicy policy,
            AppPolicies apps) {
        return applied(Password.decide(command, state, passwords, hashing, policy, apps));
    }

    // --- email change -------------------------------------------------------------------------------------

    @CommandHandler
    public CurrentPasswordOutcome handle(
            RequestEmailChange command, PasswordVerifier passwords, AccountPolicy policy, AppPolicies apps) {
        return applied(EmailChange.decide(command, state, passwords, policy, apps));
    }

    @CommandHandler
    public void handle(ConfirmEmailChange command) {
        applyAll(EmailChange.decide(command, state));
    }

    // --- passwordless -------------------------------------------------------------------------------------

    @CommandHandler
    public void handle(RequestMagicLink command, AppPolicies apps) {
        applyAll(Passwordless.decide(command, state, apps));
    }

    @CommandHandler
    public SessionGrant handle(LoginWithMagicLink command, AppPolicies apps) {
        return applied(Passwordless.decide(command, state, apps));
    }

    @CommandHandler
    public void handle(RequestEmailOtp command, AppPolicies apps) {
        applyAll(Passwordless.decide(command, state, apps));
    }

    @CommandHandler
    public LoginOutcome handle(LoginWithEmailOtp command, AppPolicies apps) {
        return applied(Passwordless.decide(command, state, apps));
    }

    // --- sessions -----------------------------------------------------------------------------------------

    @CommandHandler
    public RefreshOutcome handle(RefreshSession command, AccountPolicy policy, AppPolicies apps) {
        return applied(Sessions.decide(command, state, policy, apps));
    }

    @CommandHandler
    public void handle(RevokeSession command, AppPolicies apps) {
        applyAll(Sessions.decide(command, state, apps));
    }

    @CommandHandler
    public void handle(RevokeSessionById command, AccountPolicy policy, AppPolicies apps) {
        applyAll(Sessions.decide(command, state, policy, apps));
    }

    @CommandHandler
    public void handle(RevokeAllSessions command, AccountPolicy policy, AppPolicies apps) {
        applyAll(Sessions.decide(command, state, policy, apps));
    }

    // --- administration -----------------------------------------------------------------------------------

    @CommandHandler
    public void handle(AuthorizeActor command, AccountPolicy policy, AppPolicies apps) {
        applyAll(Administration.decide(command, state, policy, apps));
    }

    @CommandHandler
    public void handle(AssignRole command, AppPolicies apps) {
        applyAll(Administration.decide(command, state, apps));
    }

    @CommandHandler
    public void handle(RevokeRole command, AppPolicies apps) {
        applyAll(Administration.decide(command, state, apps));
    }

    @CommandHandler
    public void handle(DisableUser command, AppPolicies apps) {
        applyAll(Administration.decide(command, state, apps));
    }

    @CommandHandler
    public void handle(EnableUser command) {
        applyAll(Administration.decide(command, state));
    }

    @CommandHandler
    public void handle(EraseUser command, AppPolicies apps) {
        applyAll(Administration.decide(command, state, apps));
    }

    @CommandHandler
    public void handle(ForceLogout command, AppPolicies apps) {
        applyAll(Administration.decide(command, state, apps));
    }

    @CommandHandler
    public void handle(EndSessionByAdmin command, AccountPolicy policy, AppPolicies apps) {
        applyAll(Administration.decide(command, state, policy, apps));
    }

    /**
     * A copy for a snapshot, taken while the command that appended the last event still holds this user: the state is
     * immutable, so the copy stays as it is when this user changes.
     */
    public User snapshotCopy() {
        User copy = new User();
        copy.userId = userId;
        copy.state = state;
        return copy;
    }

    // --- state --------------------------------------------------------------------------------------------

    /** After {@link UserErased} the aggregate is deleted: every later command finds no user. */
    @EventSourcingHandler
    void on(UserEvent event) {
        state = state.evolve(event);
        userId = state.userId();
        if (event instanceof UserErased) {
            markDeleted();
        }
    }

    /**
     * Applied in order, each folded into the state at once (in the constructor: once it returns). A decider
     * decides on the state as it was before the command; none reads what an event it decided would change.
     */
    private static void applyAll(List<UserEvent> events) {
        events.forEach(AggregateLifecycle::apply);
    }

    private static <T> T applied(Decision<T> decision) {
        applyAll(decision.events());
        return decision.outcome();
    }
}
