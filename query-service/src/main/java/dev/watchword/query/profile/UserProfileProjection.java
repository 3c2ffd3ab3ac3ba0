package dev.watchword.query.profile;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.eventstream.Projection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Builds {@link UserProfile} from the user's events. Events of one user share a Kafka key and so arrive in
 * order; each statement is still written to be harmless when applied out of order or twice.
 */
@Component
class UserProfileProjection implements Projection {

    private final JdbcClient jdbc;

    UserProfileProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void project(EventEnvelope envelope, UserEvent event) {
        switch (event) {
            case UserRegistered registered -> on(registered);
            case EmailVerified verified -> on(verified);
            case LoginSucceeded login -> on(login);
            case EmailChanged changed -> on(changed);
            case RoleAssigned assigned -> on(assigned);
            case RoleRevoked revoked -> on(revoked);
            default -> {
            }
        }
    }

    private void on(UserRegistered event) {
        jdbc.sql("""
                        insert into user_profile (user_id, email, created_at) values (:userId, :email, :createdAt)
                        on conflict (user_id) do nothing""")
                .param("userId", event.userId())
                .param("email", event.email())
                .param("createdAt", Timestamp.from(event.registeredAt()))
                .update();
    }

    private void on(EmailVerified event) {
        jdbc.sql("update user_profile set email = :email, email_verified = true where user_id = :userId")
                .param("userId", event.userId())
                .param("email", event.email())
                .update();
    }

    /** The new address was proven by the link sent to it, so it counts as verified. */
    private void on(EmailChanged event) {
        jdbc.sql("update user_profile set email = :email, email_verified = true where user_id = :userId")
                .param("userId", event.userId())
                .param("email", event.email())
                .update();
    }

    private void on(LoginSucceeded event) {
        jdbc.sql("""
                        update user_profile
                        set last_login_at = greatest(last_login_at, :succeededAt), login_count = login_count + 1
                        where user_id = :userId""")
                .param("userId", event.userId())
                .param("succeededAt", Timestamp.from(event.succeededAt()))
                .update();
    }

    private void on(RoleAssigned event) {
        jdbc.sql("""
                        update user_profile set roles = array_append(roles, :role)
                        where user_id = :userId and not (:role = any(roles))""")
                .param("userId", event.userId())
                .param("role", event.role())
                .update();
    }

    private void on(RoleRevoked event) {
        jdbc.sql("update user_profile set roles = array_remove(roles, :role) where user_id = :userId")
                .param("userId", event.userId())
                .param("role", event.role())
                .update();
    }
}
