package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import java.time.Instant;

/** The account's address is now {@code email} (verified by the link); the previous address is told. */
public record EmailChanged(
        String userId,
        @Personal String previousEmail,
        @Personal String email,
        Instant changedAt) implements UserEvent {}
