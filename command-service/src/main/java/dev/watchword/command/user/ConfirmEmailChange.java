package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record ConfirmEmailChange(@TargetAggregateIdentifier String userId, String tokenHash, Instant at) {
}
