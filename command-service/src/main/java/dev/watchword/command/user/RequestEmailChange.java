package dev.watchword.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Start moving the account to {@code newEmail}; proven by the password and then by a link sent there. */
public record RequestEmailChange(@TargetAggregateIdentifier String userId, String sessionId, String password,
                                 String newEmail, OneTimeSecret link, Instant at) {

    @Override
    public String toString() {
        return "RequestEmailChange[userId=" + userId + ", sessionId=" + sessionId + "]";
    }
}
