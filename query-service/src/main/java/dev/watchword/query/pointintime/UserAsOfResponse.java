package dev.watchword.query.pointintime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** The body of {@code GET /api/admin/users/{id}/as-of}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record UserAsOfResponse(
        String id,
        Instant asOf,
        boolean exists,
        String email,
        String status,
        boolean emailVerified,
        List<String> roles,
        List<SessionResponse> sessions,
        long eventsApplied) {

    static UserAsOfResponse of(UserAsOf user) {
        return new UserAsOfResponse(
                user.id(),
                user.asOf(),
                user.exists(),
                user.email(),
                user.status(),
                user.emailVerified(),
                user.roles(),
                user.sessions().stream().map(SessionResponse::of).toList(),
                user.eventsApplied());
    }

    /** {@code revoked_at} is left out unless set, which it never is for a live session. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record SessionResponse(
            String id,
            Instant startedAt,
            String ipAddress,
            String device,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant revokedAt) {

        static SessionResponse of(UserAsOf.Session session) {
            return new SessionResponse(
                    session.id(), session.startedAt(), session.ipAddress(), session.device(), session.revokedAt());
        }
    }
}
