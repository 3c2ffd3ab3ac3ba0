package dev.watchword.query.session;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * One entry of {@code GET /api/auth/sessions}.
 *
 * @param device  the user agent that started the session
 * @param current whether this is the session of the access token that asked
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record UserSessionResponse(
        String id,
        String device,
        String ipAddress,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        boolean current) {

    static UserSessionResponse of(UserSession session, String currentSessionId) {
        return new UserSessionResponse(
                session.id(),
                session.device(),
                session.ipAddress(),
                session.createdAt(),
                session.lastUsedAt(),
                session.expiresAt(),
                session.id().equals(currentSessionId));
    }
}
