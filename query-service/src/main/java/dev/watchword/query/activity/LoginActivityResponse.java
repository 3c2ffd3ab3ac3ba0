package dev.watchword.query.activity;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** One item of {@code GET /api/admin/users/{id}/logins}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record LoginActivityResponse(
        Instant occurredAt,
        String type,
        String ipAddress,
        String userAgent,
        String method,
        String reason,
        String sessionId) {

    static LoginActivityResponse of(LoginActivity activity) {
        return new LoginActivityResponse(
                activity.occurredAt(),
                activity.type(),
                activity.ipAddress(),
                activity.userAgent(),
                activity.method(),
                activity.reason(),
                activity.sessionId());
    }
}
