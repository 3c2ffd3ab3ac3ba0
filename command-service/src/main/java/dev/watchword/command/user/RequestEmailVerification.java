package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record RequestEmailVerification(@TargetAggregateIdentifier String userId, OneTimeSecret verification,
                                       Instant at) {
}
