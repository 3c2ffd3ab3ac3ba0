package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** @param code the code's keyed hash and its sealed form, see {@code EmailOtpRequested} */
public record RequestEmailOtp(@TargetAggregateIdentifier String userId, String requestId, OneTimeSecret code,
                              String ipAddress, Instant at) {
}
