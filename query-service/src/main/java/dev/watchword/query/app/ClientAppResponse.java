package dev.watchword.query.app;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/** One item of {@code GET /api/admin/apps}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ClientAppResponse(
        String id, String name, String clientId, String registeredBy, Instant registeredAt, Instant updatedAt) {

    static ClientAppResponse of(ClientAppRow row) {
        return new ClientAppResponse(
                row.appId(), row.name(), row.clientId(), row.registeredBy(), row.registeredAt(), row.updatedAt());
    }
}
