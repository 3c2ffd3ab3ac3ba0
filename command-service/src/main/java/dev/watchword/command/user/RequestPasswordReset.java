package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** @param requestedBy the admin who triggered it, or {@code null} when the user asked */
public record RequestPasswordReset(@TargetAggregateIdentifier String userId, OneTimeSecret link, String ipAddress,
                                   String requestedBy, Instant at) {
}
