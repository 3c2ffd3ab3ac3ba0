package dev.watchword.command.user;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands that move an account to another address; their rules are in {@link EmailChange}. */
public sealed interface EmailChangeCommand {

    /**
     * Start moving the account to {@code newEmail}; proven by the password and then by a link sent there.
     *
     * @param newEmailTaken another account of the app already has {@code newEmail}: the password is still checked
     *                      (and a wrong one counted) exactly as for a free address, but no change is requested; the
     *                      caller then tells the other account's owner
     */
    record RequestEmailChange(
            @TargetAggregateIdentifier String userId,
            String sessionId,
            String password,
            String newEmail,
            boolean newEmailTaken,
            OneTimeSecret link,
            String ipAddress,
            String userAgent,
            Instant at)
            implements EmailChangeCommand {

        @Override
        public String toString() {
            return "RequestEmailChange[userId=" + userId + ", sessionId=" + sessionId + "]";
        }
    }

    record ConfirmEmailChange(@TargetAggregateIdentifier String userId, String tokenHash, Instant at)
            implements EmailChangeCommand {}
}
