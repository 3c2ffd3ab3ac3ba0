package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import java.time.Instant;

/**
 * Somebody tried to register an address that already belongs to this user. The caller got the same answer
 * as for a new address; the owner is told by email instead.
 */
public record RegistrationAttemptedForTakenEmail(
        String userId, @Personal String email, @Personal String ipAddress, Instant attemptedAt) implements UserEvent {}
