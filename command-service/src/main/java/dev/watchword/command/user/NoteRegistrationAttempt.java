package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record NoteRegistrationAttempt(@TargetAggregateIdentifier String userId, String ipAddress, Instant at) {
}
