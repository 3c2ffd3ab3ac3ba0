package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record LoginWithMagicLink(@TargetAggregateIdentifier String userId, String tokenHash, String sessionId,
                                 String refreshTokenHash, String ipAddress, String userAgent, Instant at) {
}
