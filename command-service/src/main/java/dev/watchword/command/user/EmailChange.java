package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.user.EmailChangeCommand.ConfirmEmailChange;
import dev.watchword.command.user.EmailChangeCommand.RequestEmailChange;
import dev.watchword.events.user.CredentialChange;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.UserEvent;
import java.util.List;

/**
 * The rules of moving an account to another address: asked for with the current password
 * ({@link Password#checkCurrent}), confirmed with a link sent to the new address. A pending change dies when the
 * owner first proves the current mailbox ({@link Verification#proveMailbox}): it may be a pre-account takeover's.
 */
final class EmailChange {

    private EmailChange() {}

    /**
     * The password is checked first, whether or not the new address is taken, so that neither the answer nor
     * who gets an email tells a caller without the password anything about other accounts (OWASP ASVS 5.0
     * V6.3.8). A taken address gets no change request: the caller tells its owner instead.
     */
    static Decision<CurrentPasswordOutcome> decide(
            RequestEmailChange command,
            UserState state,
            PasswordVerifier passwords,
            AccountPolicy policy,
            AppPolicies apps) {
        Sessions.requireLive(state, command.sessionId(), command.at(), policy);
        Decision<CurrentPasswordOutcome> check = Password.checkCurrent(
                state,
                command.password(),
                CredentialChange.EMAIL,
                command.sessionId(),
                command.ipAddress(),
                command.userAgent(),
                command.at(),
                passwords,
                policy,
                apps.of(state.appId()));
        if (check.outcome() != CurrentPasswordOutcome.ACCEPTED) {
            return check;
        }
        if (command.newEmail().equals(state.email())) {
            throw UserRuleViolation.sameEmail();
        }
        if (command.newEmailTaken()) {
            return check;
        }
        OneTimeSecret link = command.link();
        return Decision.of(
                CurrentPasswordOutcome.ACCEPTED,
                new EmailChangeRequested(
                        state.userId(),
                        state.email(),
                        command.newEmail(),
                        link.hash(),
                        link.sealed(),
                        command.at(),
                        link.expiresAt()));
    }

    static List<UserEvent> decide(ConfirmEmailChange command, UserState state) {
        PendingSecret link = state.emailChange();
        if (link == null || !link.accepts(command.tokenHash(), command.at())) {
            throw UserRuleViolation.invalidEmailChangeToken();
        }
        return List.of(new EmailChanged(state.userId(), state.email(), state.emailChangeTarget(), command.at()));
    }
}
