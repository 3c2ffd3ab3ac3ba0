package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Set a new password with a reset link's token; every session of the user ends. */
public record ResetPassword(@TargetAggregateIdentifier String userId, String tokenHash, String newPasswordHash,
                            String ipAddress, Instant at) {
}
