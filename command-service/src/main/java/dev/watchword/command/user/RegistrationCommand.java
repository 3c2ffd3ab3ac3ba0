package dev.watchword.command.user;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of registration; their rules are in {@link Registration}. */
public sealed interface RegistrationCommand {

    /**
     * Create an account. The address is already normalized and the password already hashed by the caller, so
     * the slow hash runs outside the aggregate and no password travels further than the web layer.
     * {@code passwordHash} is {@code null} for an app that allows passwordless login only; {@code appId} is the app
     * the user joins.
     */
    record RegisterUser(
            String userId, String email, String passwordHash, OneTimeSecret verification, Instant at, String appId)
            implements RegistrationCommand {}

    /** Someone tried to register the address this user already has. */
    record NoteRegistrationAttempt(
            @TargetAggregateIdentifier String userId, String ipAddress, Instant at) implements RegistrationCommand {}
}
