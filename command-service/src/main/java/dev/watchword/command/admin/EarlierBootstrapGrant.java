package dev.watchword.command.admin;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account an installation made its bootstrap admin before the grant was recorded as
 * {@code BootstrapAdminGranted}: the first {@code RoleAssigned} by {@code system:bootstrap} in the log. An upgraded
 * installation's claim goes to that account, so an address that changed hands since (an email change, an erasure
 * and a new registration) does not hand the grant out a second time.
 */
@Component
class EarlierBootstrapGrant {

    private final JdbcClient jdbc;

    EarlierBootstrapGrant(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> grantee() {
        // RoleAssigned holds no personal field, so its payload is stored as plain JSON.
        return jdbc.sql("""
                        SELECT aggregateidentifier FROM domainevententry
                        WHERE payloadtype LIKE '%.RoleAssigned'
                          AND convert_from(payload, 'UTF8') LIKE '%"assignedBy":"' || ? || '"%'
                        ORDER BY globalindex LIMIT 1""").param(BootstrapAdmin.ACTOR).query(String.class).optional();
    }
}
