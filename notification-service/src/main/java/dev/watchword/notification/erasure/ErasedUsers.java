package dev.watchword.notification.erasure;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserErased;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code erased_user} table: the users erased so far, whose later events call for nothing. */
@Component
public class ErasedUsers {

    private final JdbcClient jdbc;

    ErasedUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean contains(String userId) {
        return jdbc.sql("select exists (select 1 from erased_user where user_id = ?)")
                .param(userId)
                .query(Boolean.class)
                .single();
    }

    /** @return false when the user is recorded already, i.e. this {@code UserErased} was delivered again */
    boolean recordIfAbsent(EventEnvelope envelope, UserErased event) {
        return jdbc.sql("""
                        insert into erased_user (user_id, event_id, erased_at)
                        values (:userId, :eventId, :erasedAt)
                        on conflict do nothing""")
                        .param("userId", event.userId())
                        .param("eventId", envelope.eventId())
                        .param("erasedAt", event.erasedAt() == null ? null : Timestamp.from(event.erasedAt()))
                        .update()
                == 1;
    }
}
