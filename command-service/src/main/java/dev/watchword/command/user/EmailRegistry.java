package dev.watchword.command.user;

import dev.watchword.command.problem.InvalidEmailAddress;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.UserRegistered;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which user owns which address in which app, on the command side (the same address may be two users
 * of two apps). AxonIQ's set-based-validation pattern: a subscribing
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

    public Optional<String> ownerOf(String appId, String normalizedEmail) {
        return jdbc.sql("SELECT user_id FROM email_registry WHERE app_id = ? AND email = ?")
                .params(appId, normalizedEmail)
                .query(String.class)
                .optional();
    }

    public Optional<String> emailOf(String userId) {
        return jdbc.sql("SELECT email FROM email_registry WHERE user_id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }

    /**
     * The owner of an address as typed (normalized first) in {@code appId}.
     *
     * @throws InvalidEmailAddress when the text is not a bare address (a display name, angle brackets, a comment):
     *                             it is refused, never read as whatever mailbox a mail library finds in it; the
     *                             answer depends on the text alone, never on an account
     */
    public Optional<String> ownerOfTyped(String appId, String typedEmail) {
        return ownerOf(appId, EmailAddress.normalize(typedEmail).orElseThrow(InvalidEmailAddress::new));
    }

    /** The app the user belongs to, if the user exists. */
    public Optional<String> appOf(String userId) {
        return jdbc.sql("SELECT app_id FROM email_registry WHERE user_id = ?")
                .param(userId)
                .query(String.class)
                .optional();
    }

    @EventHandler
    void on(UserRegistered event) {
        jdbc.sql("INSERT INTO email_registry (app_id, email, user_id) VALUES (?, ?, ?)")
                .params(event.appIdOrDefault(), event.email(), event.userId())
                .update();
    }

    /** An erased user's address is free again, in its app. */
    @EventHandler
    void on(UserErased event) {
        jdbc.sql("DELETE FROM email_registry WHERE user_id = ?")
                .param(event.userId())
                .update();
    }

    /** The row takes the new address; the primary key refuses an address taken in the same app meanwhile. */
    @EventHandler
    void on(EmailChanged event) {
        jdbc.sql("UPDATE email_registry SET email = ? WHERE user_id = ?")
                .params(event.email(), event.userId())
                .update();
    }
}
