package dev.watchword.events.user;

import java.time.Instant;

/** The user no longer holds {@code role}; tokens issued before this lose its permissions at once. */
public record RoleRevoked(String userId, String role, String revokedBy, Instant revokedAt) implements UserEvent {}
