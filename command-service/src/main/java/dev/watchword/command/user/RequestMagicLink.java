package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record RequestMagicLink(@TargetAggregateIdentifier String userId, OneTimeSecret link, String ipAddress,
                               Instant at) {
}
