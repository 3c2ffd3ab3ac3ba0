package dev.watchword.notification.app;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserRegistered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Builds {@code user_app}: the client app each user belongs to, which decides the settings of its emails. */
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
                        insert into user_app (user_id, app_id, event_id)
                        values (:userId, :appId, :eventId)
                        on conflict (user_id) do nothing""")
                .param("userId", event.userId())
                .param("appId", event.appIdOrDefault())
                .param("eventId", envelope.eventId())
                .update();
    }

    /**
     * An erased user gets no more email, so which app its emails honour no longer matters (issue 5). A
     * redelivered {@code UserRegistered} of the user must not bring the row back: the listener skips every event of
     * an erased user.
     */
    public void on(EventEnvelope envelope, UserErased event) {
        jdbc.sql("delete from user_app where user_id = ?")
                .param(event.userId())
                .update();
    }
}
