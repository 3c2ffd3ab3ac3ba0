package dev.watchword.command.admin;

import dev.watchword.command.user.AssignRole;
import dev.watchword.command.user.EmailAddress;
import dev.watchword.command.user.Roles;
import dev.watchword.events.user.UserRegistered;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * The first administrator: the account registered with {@code WATCHWORD_BOOTSTRAP_ADMIN_EMAIL} gets the
 * {@code admin} role, recorded as granted by {@code system:bootstrap}. A tracking processor reads the log
 * from its start, so an account that existed before the setting was made is found too; assigning a role the
 * user holds records nothing, so a replay changes nothing.
 */
@Component
@ProcessingGroup("admin-bootstrap")
public class BootstrapAdmin {

    static final String ACTOR = "system:bootstrap";

    private final CommandGateway commands;
    private final Optional<String> adminEmail;
    private final Clock clock;

    public BootstrapAdmin(CommandGateway commands, @Value("${watchword.bootstrap-admin-email:}") String adminEmail,
                          Clock clock) {
        this.commands = commands;
        this.adminEmail = EmailAddress.normalize(adminEmail);
        this.clock = clock;
    }

    @EventHandler
    void on(UserRegistered event) {
        if (adminEmail.isPresent() && adminEmail.get().equals(event.email())) {
            commands.sendAndWait(new AssignRole(event.userId(), Roles.ADMIN, ACTOR, null, clock.instant()));
        }
    }
}
