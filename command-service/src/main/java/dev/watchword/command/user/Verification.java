package dev.watchword.command.user;

import dev.watchword.command.appdirectory.AppPolicies;
import dev.watchword.command.appdirectory.AppPolicy;
import dev.watchword.command.user.VerificationCommand.RequestEmailVerification;
import dev.watchword.command.user.VerificationCommand.VerifyEmail;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginMethod;
import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.PasswordRemoved;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.UserEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of email verification, and of the first proof of the mailbox wherever it comes from (a verification
 * link, a magic link, an email code): that proof ends a pre-account takeover ({@link #proveMailbox}).
 */
final class Verification {

    private Verification() {}

    /** An address that is already verified needs no link; the caller answers the same either way. */
    static List<UserEvent> decide(RequestEmailVerification command, UserState state) {
        if (state.emailVerified()) {
            return List.of();
        }
        OneTimeSecret link = command.verification();
        return List.of(new EmailVerificationRequested(
                state.userId(), state.email(), link.hash(), link.sealed(), command.at(), link.expiresAt()));
    }

    /** The token is checked first and a chosen password hashed last, so a wrong token costs no Argon2id work. */
    static List<UserEvent> decide(VerifyEmail command, UserState state, PasswordHashing hashing, AppPolicies apps) {
        PendingSecret link = state.verification();
        if (state.emailVerified() || link == null || !link.accepts(command.tokenHash(), command.at())) {
            throw UserRuleViolation.invalidVerificationToken();
        }
        AppPolicy appPolicy = command.newPassword() == null
                ? apps.of(state.appId())
                : LoginMethods.require(apps, state, LoginMethod.PASSWORD);
        List<UserEvent> events = new ArrayList<>(proveMailbox(state, command.at(), appPolicy));
        if (command.newPassword() != null) {
            events.add(new PasswordChanged(
                    state.userId(),
                    state.email(),
                    hashing.hash(command.newPassword()),
                    PasswordChangeReason.VERIFICATION,
                    command.ipAddress(),
                    command.at()));
        }
        return events;
    }

    /**
     * The first proof that the owner of the address is here (a verification link, a magic link or an email
     * code) ends a pre-account takeover (OWASP ASVS 5.0 V6.4): whoever registered the address before its owner
     * keeps neither the password they chose nor a session they started. The owner sets a password through a
     * reset. Nothing happens to an address that is already verified.
     */
    static List<UserEvent> proveMailbox(UserState state, Instant at, AppPolicy appPolicy) {
        if (state.emailVerified()) {
            return List.of();
        }
        List<UserEvent> events = new ArrayList<>();
        events.add(new EmailVerified(state.userId(), state.email(), at));
        if (state.passwordHash() != null) {
            events.add(new PasswordRemoved(state.userId(), at));
        }
        events.addAll(Sessions.revokeAllExcept(state, null, SessionRevocationReason.EMAIL_VERIFIED, at, appPolicy));
        return events;
    }
}
