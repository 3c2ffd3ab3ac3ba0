package dev.watchword.command.user;

import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.UserRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which user owns which address, on the command side. AxonIQ's set-based-validation pattern: a subscribing
 * processor writes the row in the same transaction as the {@link UserRegistered} append, and the table's
 * primary key makes a second registration of the address fail and roll back, however many race.
 */
@Component
@ProcessingGroup(EmailRegistry.PROCESSING_GROUP)
public class EmailRegistry {

    public static final String PROCESSING_GROUP = "email-registry";

    private final JdbcClient jdbc;

    public EmailRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> ownerOf(String normalizedEmail) {
        return jdbc.sql("SELECT user_id FROM email_registry WHERE email = ?")
                .param(normalizedEmail)
                .query(String.class)
                .optional();
    }

    public Optional<String> emailOf(String userId) {
        return jdbc.sql("SELECT email FROM email_registry WHERE user_id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }

    @EventHandler
    void on(UserRegistered event) {
        jdbc.sql("INSERT INTO email_registry (email, user_id) VALUES (?, ?)")
                .params(event.email(), event.userId())
                .update();
    }

    /** The new address's row replaces the old one; its primary key refuses an address taken meanwhile. */
    @EventHandler
    void on(EmailChanged event) {
        jdbc.sql("DELETE FROM email_registry WHERE user_id = ?").param(event.userId()).update();
        jdbc.sql("INSERT INTO email_registry (email, user_id) VALUES (?, ?)")
                .params(event.email(), event.userId())
                .update();
    }
}
