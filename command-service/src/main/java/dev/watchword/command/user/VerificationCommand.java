package dev.watchword.command.user;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of email verification; their rules are in {@link Verification}. */
public sealed interface VerificationCommand {

    record RequestEmailVerification(
            @TargetAggregateIdentifier String userId, OneTimeSecret verification, Instant at)
            implements VerificationCommand {}

    /**
     * Confirm the address with the verification link's token.
     *
     * @param newPassword optional: a password chosen in the same step, set after any password from before the
     *                    proof is dropped (the link proves the mailbox as a reset link does); {@code null} for none.
     *                    Hashed by the aggregate only after the token was accepted, so a wrong token costs no Argon2id
     *                    work.
     */
    record VerifyEmail(
            @TargetAggregateIdentifier String userId,
            String tokenHash,
            String newPassword,
            String ipAddress,
            Instant at)
            implements VerificationCommand {

        public VerifyEmail(String userId, String tokenHash, Instant at) {
            this(userId, tokenHash, null, null, at);
        }

        @Override
        public String toString() {
            return "VerifyEmail[userId=" + userId + ", at=" + at + "]";
        }
    }
}
