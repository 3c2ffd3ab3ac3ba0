package dev.watchword.query.role;

import dev.watchword.events.app.ClientAppEvent;
import dev.watchword.events.app.RoleDefined;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.query.eventstream.ClientAppProjection;
import dev.watchword.query.eventstream.ReadModel;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@link AppRole} from {@code RoleDefined}. A role is defined once and never changes (command-service
 * refuses to define it again), so the first definition stays should one ever be applied twice.
 */
@Component
@ReadModel(tables = "app_role")
class AppRoleProjection implements ClientAppProjection {

    private final JdbcClient jdbc;

    AppRoleProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope, ClientAppEvent event) {
        if (!(event instanceof RoleDefined defined) || defined.role() == null) {
            return;
        }
        List<String> permissions = defined.permissions() == null ? List.of() : defined.permissions();
        jdbc.sql("""
                        insert into app_role (app_id, role, permissions, defined_by, defined_at)
                        values (:appId, :role, :permissions, :definedBy, :definedAt)
                        on conflict (app_id, role) do nothing""")
                .param("appId", defined.appId())
                .param("role", defined.role())
                // A Java array binds as text[]; a List would be expanded into several values.
                .param("permissions", permissions.toArray(String[]::new))
                .param("definedBy", defined.definedBy())
                .param(
                        "definedAt",
                        Timestamp.from(defined.definedAt() != null ? defined.definedAt() : envelope.occurredAt()))
                .update();
    }
}
