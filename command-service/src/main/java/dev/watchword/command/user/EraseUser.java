package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Delete the account and erase its personal data (crypto-shredding): every session
 * ends, then {@code UserErased} destroys the user's data key.
 */
public record EraseUser(@TargetAggregateIdentifier String userId, String actorId, Instant at) {
}
