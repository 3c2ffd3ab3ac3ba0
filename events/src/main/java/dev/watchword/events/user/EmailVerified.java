package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import java.time.Instant;

public record EmailVerified(String userId, @Personal String email, Instant verifiedAt) implements UserEvent {}
