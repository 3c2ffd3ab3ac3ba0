package dev.watchword.events.user;

import java.time.Instant;

/**
 * The account no longer has a password: the mailbox was proven for the first time, and a password set before
 * that proof may be someone else's who registered the address first (pre-account takeover, OWASP ASVS 5.0
 * V6.4). The owner sets a new one through a password reset; until then password login fails like a wrong
 * password.
 */
public record PasswordRemoved(String userId, Instant removedAt) implements UserEvent {}
