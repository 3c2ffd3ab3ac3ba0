package dev.watchword.query.session;

import dev.watchword.events.user.LoginMethod;
import java.time.Instant;

/**
 * Read model: one login session of a user, as its owner sees it in the list of sessions.
 *
 * @param device      the user agent that started the session; personal data
 * @param ipAddress   the address the session was started from; personal data
 * @param loginMethod how the user logged in, {@code null} when no {@code LoginSucceeded} named this session
 * @param lastUsedAt  the latest refresh token rotation, else the start
 * @param expiresAt   the absolute end of the session (the refresh token lifetime)
 * @param revokedAt   when the session was ended early, {@code null} while it was not
 */
public record UserSession(
        String id,
        String userId,
        String device,
        String ipAddress,
        LoginMethod loginMethod,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {

    /** Not revoked and not past its absolute end. */
    public boolean isLiveAt(Instant now) {
        return revokedAt == null && expiresAt != null && now.isBefore(expiresAt);
    }
}
