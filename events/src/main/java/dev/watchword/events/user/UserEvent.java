package dev.watchword.events.user;

import dev.watchword.events.sensitive.Personal;
import dev.watchword.events.sensitive.SensitiveFields;
import java.util.Set;

/**
 * Everything that happens to one user account. Part of the permanent contract of the log: evolve only by
 * adding optional fields; anything else needs a revision and an upcaster (see CONVENTIONS.md).
 * <p>
 * Personal data (addresses, IP addresses, user agents) and the credential are kept in the components marked
 * {@link Personal}: command-service stores these encrypted with the user's own data key ({@link #PERSONAL_FIELDS}),
 * and {@link UserErased} destroys that key. Published events carry them in clear for the services that need them;
 * after erasure they are {@code null}.
 */
public sealed interface UserEvent
        permits UserRegistered,
                RegistrationAttemptedForTakenEmail,
                EmailVerificationRequested,
                EmailVerified,
                LoginSucceeded,
                LoginFailed,
                SessionStarted,
                RefreshTokenRotated,
                SessionRevoked,
                PasswordResetRequested,
                PasswordChanged,
                EmailChangeRequested,
                EmailChanged,
                MagicLinkRequested,
                EmailOtpRequested,
                EmailOtpFailed,
                RefreshTokenReuseDetected,
                LoginLocked,
                RoleAssigned,
                RoleRevoked,
                UserDisabled,
                UserEnabled,
                UserErased,
                CurrentPasswordCheckFailed,
                RefreshTokenGraceUsed,
                PasswordRemoved {

    /**
     * The names of the fields that hold personal data or a credential, in every event type of this interface: those
     * marked {@link Personal}.
     */
    Set<String> PERSONAL_FIELDS = SensitiveFields.personalIn(UserEvent.class);

    String userId();
}
