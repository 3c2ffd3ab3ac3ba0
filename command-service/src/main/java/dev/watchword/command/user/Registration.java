package dev.watchword.command.user;

import dev.watchword.command.user.RegistrationCommand.NoteRegistrationAttempt;
import dev.watchword.command.user.RegistrationCommand.RegisterUser;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import java.util.List;

/**
 * The rules of registration: a new account gets its first verification link with it, and a registration of an
 * address already taken is recorded on its owner's account, so that the owner is told (the caller answers the same
 * either way).
 */
final class Registration {

    private Registration() {}

    /** Decided from the command alone: there is no state before the first event. */
    static List<UserEvent> decide(RegisterUser command) {
        OneTimeSecret link = command.verification();
        return List.of(
                new UserRegistered(
                        command.userId(), command.email(), command.passwordHash(), command.at(), command.appId()),
                new EmailVerificationRequested(
                        command.userId(), command.email(), link.hash(), link.sealed(), command.at(), link.expiresAt()));
    }

    static List<UserEvent> decide(NoteRegistrationAttempt command, UserState state) {
        return List.of(new RegistrationAttemptedForTakenEmail(
                state.userId(), state.email(), command.ipAddress(), command.at()));
    }
}
