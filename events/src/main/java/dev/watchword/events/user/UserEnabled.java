package dev.watchword.events.user;

import java.time.Instant;

public record UserEnabled(String userId, String enabledBy, Instant enabledAt) implements UserEvent {}
