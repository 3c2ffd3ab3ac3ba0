package dev.watchword.events.user;

import java.time.Instant;

/** The account's address is now {@code email} (verified by the link); the previous address is told. */
public record EmailChanged(String userId, String previousEmail, String email, Instant changedAt)
        implements UserEvent {
}
