package dev.watchword.events.user;

import java.time.Instant;

/**
 * A user account was deleted and its personal data erased (crypto-shredding): the user's data key is
 * destroyed in the same transaction, so every earlier event of the user keeps its place in the log (and in the
 * hash chain) while its personal fields can no longer be read by anyone. Read models show the user as erased.
 * Carries no personal data itself.
 *
 * @param erasedBy who deleted the account: an admin's user id, {@code apikey:<key id>}, or the user's own id
 */
public record UserErased(String userId, String erasedBy, Instant erasedAt) implements UserEvent {}
