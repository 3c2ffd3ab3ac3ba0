package dev.watchword.query.profile;

import java.time.Instant;
import java.util.List;

/**
 * Read model: what a signed-in user may see of their own account.
 *
 * @param lastLoginAt the latest {@code LoginSucceeded}, {@code null} before the first login
 * @param loginCount  how many logins were projected; shows that a redelivered event is applied once
 */
public record UserProfile(
        String id,
        String email,
        boolean emailVerified,
        List<String> roles,
        Instant createdAt,
        Instant lastLoginAt,
        long loginCount) {

    public UserProfile {
        roles = List.copyOf(roles);
    }
}
