package dev.watchword.query.admin;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.ReadModel;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds {@link AdminUserRow} from the user's events. Events of one user share a Kafka key and so arrive in
 * order, after {@code UserRegistered}; each statement is still harmless when applied twice.
 * <p>
 * An erased account keeps its row, so that the list and its count stay true, with status
 * {@link AdminUserRow#ERASED} and no address for good: no later event changes its status, and the events of an
 * erased user carry no address to put back.
 */
@Component
@ReadModel(tables = "admin_user_row")
class AdminUserRowProjection implements Projection {

    private final JdbcClient jdbc;

    AdminUserRowProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope, UserEvent event) {
        switch (event) {
            case UserRegistered registered -> on(registered);
            case EmailVerified verified -> verifiedEmail(verified.userId(), verified.email());
            // The new address was proven by the link sent to it, so it counts as verified.
            case EmailChanged changed -> verifiedEmail(changed.userId(), changed.email());
            case LoginSucceeded login -> on(login);
            case RoleAssigned assigned -> on(assigned);
            case RoleRevoked revoked -> on(revoked);
            case UserDisabled disabled -> status(disabled.userId(), AdminUserRow.DISABLED);
            case UserEnabled enabled -> status(enabled.userId(), AdminUserRow.ACTIVE);
            case UserErased erased -> on(erased);
            default -> {}
        }
    }

    private void on(UserRegistered event) {
        jdbc.sql("""
                        insert into admin_user_row (user_id, app_id, email, created_at)
                        values (:userId, :appId, :email, :createdAt)
                        on conflict (user_id) do nothing""")
                .param("userId", event.userId())
                .param("appId", event.appIdOrDefault())
                .param("email", event.email())
                .param("createdAt", Timestamp.from(event.registeredAt()))
                .update();
    }

    private void verifiedEmail(String userId, String email) {
        jdbc.sql("""
                        update admin_user_row set email = :email, email_verified = true
                        where user_id = :userId and status <> :erased""")
                .param("erased", AdminUserRow.ERASED)
                .param("userId", userId)
                .param("email", email)
                .update();
    }

    private void on(LoginSucceeded event) {
        jdbc.sql("""
                        update admin_user_row set last_login_at = greatest(last_login_at, :succeededAt)
                        where user_id = :userId""")
                .param("userId", event.userId())
                .param("succeededAt", Timestamp.from(event.succeededAt()))
                .update();
    }

    private void on(RoleAssigned event) {
        jdbc.sql("""
                        update admin_user_row set roles = array_append(roles, :role)
                        where user_id = :userId and not (:role = any(roles))""")
                .param("userId", event.userId())
                .param("role", event.role())
                .update();
    }

    private void on(RoleRevoked event) {
        jdbc.sql("update admin_user_row set roles = array_remove(roles, :role) where user_id = :userId")
                .param("userId", event.userId())
                .param("role", event.role())
                .update();
    }

    private void status(String userId, String status) {
        jdbc.sql("update admin_user_row set status = :status where user_id = :userId and status <> :erased")
                .param("erased", AdminUserRow.ERASED)
                .param("userId", userId)
                .param("status", status)
                .update();
    }

    private void on(UserErased event) {
        jdbc.sql("update admin_user_row set email = null, status = :erased where user_id = :userId")
                .param("userId", event.userId())
                .param("erased", AdminUserRow.ERASED)
                .update();
    }
}
