package dev.watchword.events.user;

import java.time.Instant;

public record EmailVerified(String userId, String email, Instant verifiedAt) implements UserEvent {
}
