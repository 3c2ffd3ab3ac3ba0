package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

public record LoginWithEmailOtp(@TargetAggregateIdentifier String userId, String requestId, String codeHash,
                                String sessionId, String refreshTokenHash, String ipAddress, String userAgent,
                                Instant at) {
}
