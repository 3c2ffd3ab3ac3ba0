package dev.watchword.command.user;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of passwordless login (magic link, email code); their rules are in {@link Passwordless}. */
public sealed interface PasswordlessCommand {

    record RequestMagicLink(@TargetAggregateIdentifier String userId, OneTimeSecret link, String ipAddress, Instant at)
            implements PasswordlessCommand {}

    record LoginWithMagicLink(
            @TargetAggregateIdentifier String userId,
            String tokenHash,
            String sessionId,
            String refreshTokenHash,
            String ipAddress,
            String userAgent,
            Instant at)
            implements PasswordlessCommand {}

    /** @param code the code's keyed hash and its sealed form, see {@code EmailOtpRequested} */
    record RequestEmailOtp(
            @TargetAggregateIdentifier String userId,
            String requestId,
            OneTimeSecret code,
            String ipAddress,
            Instant at)
            implements PasswordlessCommand {}

    record LoginWithEmailOtp(
            @TargetAggregateIdentifier String userId,
            String requestId,
            String codeHash,
            String sessionId,
            String refreshTokenHash,
            String ipAddress,
            String userAgent,
            Instant at)
            implements PasswordlessCommand {}
}
