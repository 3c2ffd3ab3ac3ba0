package dev.watchword.query.profile;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** The body of {@code GET /api/users/me}, field names as in docs/contract.md. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record UserProfileResponse(String id, String email, boolean emailVerified, List<String> roles, Instant createdAt) {

    static UserProfileResponse of(UserProfile profile) {
        return new UserProfileResponse(
                profile.id(), profile.email(), profile.emailVerified(), profile.roles(), profile.createdAt());
    }
}
