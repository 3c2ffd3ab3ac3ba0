package dev.watchword.events.user;

/**
 * Everything that happens to one user account. Part of the permanent contract of the log: evolve only by
 * adding optional fields; anything else needs a revision and an upcaster (see CONVENTIONS.md).
 * <p>
 * Personal data is kept in fields named {@code email}, {@code ipAddress} and {@code userAgent} so that a
 * later per-user encryption can find it.
 */
public sealed interface UserEvent permits UserRegistered, RegistrationAttemptedForTakenEmail,
        EmailVerificationRequested, EmailVerified, LoginSucceeded, LoginFailed, SessionStarted,
        RefreshTokenRotated, SessionRevoked, PasswordResetRequested, PasswordChanged, EmailChangeRequested,
        EmailChanged, MagicLinkRequested, EmailOtpRequested, EmailOtpFailed, RefreshTokenReuseDetected, LoginLocked, RoleAssigned, RoleRevoked, UserDisabled,
        UserEnabled {

    String userId();
}
