package dev.watchword.command.erasure;

import dev.watchword.events.user.UserErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Crypto-shredding's one irreversible step, in the same transaction as the {@link UserErased} append (a
 * subscribing processor, like the email registry): the user's data key is destroyed and its snapshots, which
 * hold its state in clear, are deleted. If the transaction fails, neither the event nor the destruction happens.
 */
@Component
@ProcessingGroup(WhenUserErasedThenDestroyKey.PROCESSING_GROUP)
public class WhenUserErasedThenDestroyKey {

    public static final String PROCESSING_GROUP = "erasure";

    private final PersonalDataKeys keys;
    private final JdbcClient jdbc;

    public WhenUserErasedThenDestroyKey(PersonalDataKeys keys, JdbcClient jdbc) {
        this.keys = keys;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserErased event) {
        keys.destroy(event.userId());
        jdbc.sql("DELETE FROM snapshotevententry WHERE aggregateidentifier = ?")
                .param(event.userId())
                .update();
    }
}
