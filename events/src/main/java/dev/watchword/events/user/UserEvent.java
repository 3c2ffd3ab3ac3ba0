package dev.watchword.events.user;

/**
 * Everything that happens to one user account. Part of the permanent contract of the log: evolve only by
 * adding optional fields; anything else needs a revision and an upcaster (see CONVENTIONS.md).
 * <p>
 * Personal data is kept in fields named {@code email}, {@code newEmail}, {@code previousEmail},
 * {@code ipAddress} and {@code userAgent} (and the credential in {@code passwordHash}): command-service stores these
 * encrypted with the user's own data key ({@link #PERSONAL_FIELDS}), and {@link UserErased} destroys that key.
 * Published events carry them in clear for the services that need them; after erasure they are {@code null}.
 */
public sealed interface UserEvent permits UserRegistered, RegistrationAttemptedForTakenEmail,
        EmailVerificationRequested, EmailVerified, LoginSucceeded, LoginFailed, SessionStarted,
        RefreshTokenRotated, SessionRevoked, PasswordResetRequested, PasswordChanged, EmailChangeRequested,
        EmailChanged, MagicLinkRequested, EmailOtpRequested, EmailOtpFailed, RefreshTokenReuseDetected, LoginLocked, RoleAssigned, RoleRevoked, UserDisabled,
        UserEnabled, UserErased, CurrentPasswordCheckFailed, RefreshTokenGraceUsed, PasswordRemoved {

    /** The fields that hold personal data or a credential, in every event type of this interface. */
    java.util.Set<String> PERSONAL_FIELDS =
            java.util.Set.of("email", "newEmail", "previousEmail", "ipAddress", "userAgent", "passwordHash");

    String userId();
}
