package dev.watchword.query.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** One item of {@code GET /api/admin/users}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AdminUserResponse(
        String id,
        String appId,
        String email,
        String status,
        boolean emailVerified,
        List<String> roles,
        Instant createdAt,
        Instant lastLoginAt) {

    static AdminUserResponse of(AdminUserRow row) {
        return new AdminUserResponse(
                row.id(),
                row.appId(),
                row.email(),
                row.status(),
                row.emailVerified(),
                row.roles(),
                row.createdAt(),
                row.lastLoginAt());
    }
}
