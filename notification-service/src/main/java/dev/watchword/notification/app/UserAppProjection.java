package dev.watchword.notification.app;

import dev.watchword.events.access.BuiltInRole;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserRegistered;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@code user_app}: the client app each user belongs to, which decides the settings of its emails, and for
 * the app's announcements to its admins, the user's present address and whether the user is an admin of it.
 */
@Component
public class UserAppProjection {

    private final JdbcClient jdbc;

    UserAppProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A user registers once and never changes app, so the first row stands: a redelivered {@code UserRegistered}
     * finds its user id taken and changes nothing.
     */
    public void on(EventEnvelope envelope, UserRegistered event) {
        jdbc.sql("""
                        insert into user_app (user_id, app_id, event_id, email)
                        values (:userId, :appId, :eventId, :email)
                        on conflict (user_id) do nothing""")
                .param("userId", event.userId())
                .param("appId", event.appIdOrDefault())
                .param("eventId", envelope.eventId())
                .param("email", event.email())
                .update();
    }

    /** The address the app's announcements to its admins go to; a user's events arrive in order (one key). */
    public void on(EmailChanged event) {
        if (event.email() != null) {
            jdbc.sql("update user_app set email = ? where user_id = ?")
                    .params(event.email(), event.userId())
                    .update();
        }
    }

    /** Admins of the app are told when its link base URL moves; see {@code LinkBaseUrlChangedEmail}. */
    public void on(RoleAssigned event) {
        if (BuiltInRole.ADMIN.roleName().equals(event.role())) {
            jdbc.sql("update user_app set admin = true where user_id = ?")
                    .param(event.userId())
                    .update();
        }
    }

    public void on(RoleRevoked event) {
        if (BuiltInRole.ADMIN.roleName().equals(event.role())) {
            jdbc.sql("update user_app set admin = false where user_id = ?")
                    .param(event.userId())
                    .update();
        }
    }

    /** The admins of {@code appId} with the address each holds now. */
    public List<AppAdmin> adminsOf(String appId) {
        return jdbc.sql("select user_id, email from user_app where app_id = ? and admin and email is not null")
                .param(appId)
                .query((rs, row) -> new AppAdmin(rs.getString("user_id"), rs.getString("email")))
                .list();
    }

    public record AppAdmin(String userId, String email) {}

    /**
     * An erased user gets no more email, so which app its emails honour no longer matters. A
     * redelivered {@code UserRegistered} of the user must not bring the row back: the listener skips every event of
     * an erased user.
     */
    public void on(EventEnvelope envelope, UserErased event) {
        jdbc.sql("delete from user_app where user_id = ?").param(event.userId()).update();
    }
}
