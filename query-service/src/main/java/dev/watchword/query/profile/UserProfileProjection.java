package dev.watchword.query.profile;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.ReadModel;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Builds {@link UserProfile} from the user's events. Events of one user share a Kafka key and so arrive in
 * order; each statement is still written to be harmless when applied out of order or twice.
 * <p>
 * Each statement returns the row it wrote, which replaces the {@link UserProfileCache} entry once the transaction
 * committed: the row lock held until then makes it the committed state, and reading it costs no extra round trip.
 * <p>
 * An erased user has no profile: {@code UserErased} deletes it, and the events of an erased user, which
 * arrive without an address, neither create one nor change the address of one.
 */
@Component
@ReadModel(tables = "user_profile")
class UserProfileProjection implements Projection {

    private static final String RETURNING = " returning " + UserProfiles.COLUMNS;

    private final JdbcClient jdbc;
    private final UserProfileCache cache;

    UserProfileProjection(JdbcClient jdbc, UserProfileCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    @Override
    public void project(EventEnvelope envelope, UserEvent event) {
        Optional<UserProfile> written;
        switch (event) {
            case UserRegistered registered -> written = on(registered);
            case EmailVerified verified -> written = verifiedAddress(verified.userId(), verified.email());
            case LoginSucceeded login -> written = on(login);
            case EmailChanged changed -> written = verifiedAddress(changed.userId(), changed.email());
            case RoleAssigned assigned -> written = on(assigned);
            case RoleRevoked revoked -> written = on(revoked);
            case UserErased erased -> written = on(erased);
            default -> {
                return;
            }
        }
        // Memory follows the table only once the row is durable, so a rolled-back change is never served.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                cache.committed(event.userId(), written);
            }
        });
    }

    private Optional<UserProfile> on(UserRegistered event) {
        return jdbc.sql("""
                        insert into user_profile (user_id, email, created_at)
                        select :userId, cast(:email as text), cast(:createdAt as timestamptz)
                        where cast(:email as text) is not null
                        on conflict (user_id) do nothing""" + RETURNING)
                .param("userId", event.userId())
                .param("email", event.email())
                .param("createdAt", Timestamp.from(event.registeredAt()))
                .query(UserProfiles::map)
                .optional();
    }

    /** EmailVerified, and EmailChanged too: a new address was proven by the link sent to it. */
    private Optional<UserProfile> verifiedAddress(String userId, String email) {
        return jdbc.sql("""
                        update user_profile set email = :email, email_verified = true
                        where user_id = :userId and cast(:email as text) is not null""" + RETURNING)
                .param("userId", userId)
                .param("email", email)
                .query(UserProfiles::map)
                .optional();
    }

    /** The profile is gone: {@code GET /api/users/me} answers 404 {@code PROFILE_NOT_FOUND}. */
    private Optional<UserProfile> on(UserErased event) {
        jdbc.sql("delete from user_profile where user_id = :userId")
                .param("userId", event.userId())
                .update();
        return Optional.empty();
    }

    private Optional<UserProfile> on(LoginSucceeded event) {
        return jdbc.sql("""
                        update user_profile
                        set last_login_at = greatest(last_login_at, :succeededAt), login_count = login_count + 1
                        where user_id = :userId""" + RETURNING)
                .param("userId", event.userId())
                .param("succeededAt", Timestamp.from(event.succeededAt()))
                .query(UserProfiles::map)
                .optional();
    }

    private Optional<UserProfile> on(RoleAssigned event) {
        return jdbc.sql("""
                        update user_profile set roles = array_append(roles, :role)
                        where user_id = :userId and not (:role = any(roles))""" + RETURNING)
                .param("userId", event.userId())
                .param("role", event.role())
                .query(UserProfiles::map)
                .optional();
    }

    private Optional<UserProfile> on(RoleRevoked event) {
        return jdbc.sql("update user_profile set roles = array_remove(roles, :role) where user_id = :userId"
                        + RETURNING)
                .param("userId", event.userId())
                .param("role", event.role())
                .query(UserProfiles::map)
                .optional();
    }
}
