package dev.watchword.events.user;

import java.time.Instant;

/**
 * The user now holds {@code role}. {@code assignedBy} is the acting user's id, or {@code system:...} for
 * Watchword itself (e.g. {@code system:bootstrap}); the log answers who granted what, and when.
 */
public record RoleAssigned(String userId, String role, String assignedBy, Instant assignedAt) implements UserEvent {}
