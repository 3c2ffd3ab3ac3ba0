package dev.watchword.events.user;

import java.time.Instant;

/** An admin disabled the account: no login of any kind, and every session ends with it. */
public record UserDisabled(String userId, String disabledBy, Instant disabledAt) implements UserEvent {}
