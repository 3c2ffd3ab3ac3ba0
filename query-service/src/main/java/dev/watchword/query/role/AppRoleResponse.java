package dev.watchword.query.role;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/** One item of {@code GET /api/admin/apps/{id}/roles}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AppRoleResponse(String role, List<String> permissions, boolean builtIn, String definedBy, Instant definedAt) {

    static AppRoleResponse of(AppRole role) {
        return new AppRoleResponse(role.role(), role.permissions(), role.builtIn(), role.definedBy(), role.definedAt());
    }
}
