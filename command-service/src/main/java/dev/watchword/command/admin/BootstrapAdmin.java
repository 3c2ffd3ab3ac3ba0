package dev.watchword.command.admin;

import dev.watchword.command.tenant.Tenant;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.command.user.AssignRole;
import dev.watchword.command.user.EmailAddress;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.events.user.UserRegistered;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;

/**
 * The first administrator: the account registered with {@code WATCHWORD_BOOTSTRAP_ADMIN_EMAIL} gets the
 * {@code admin} role, recorded as granted by {@code system:bootstrap}. An account registered later is caught
 * by the tracking processor as its {@code UserRegistered} arrives; an account that already existed when the
 * setting was made is caught at start-up through the email registry (the processor's position is past its
 * registration by then). Assigning a role the user holds records nothing, so either path may run any number
 * of times.
 */
@Component
@ProcessingGroup("admin-bootstrap")
public class BootstrapAdmin {

    static final String ACTOR = "system:bootstrap";

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final Optional<String> adminEmail;
    private final Clock clock;

    public BootstrapAdmin(CommandGateway commands, EmailRegistry registry,
                          @Value("${watchword.bootstrap-admin-email:}") String adminEmail, Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.adminEmail = EmailAddress.normalize(adminEmail);
        this.clock = clock;
    }

    @EventHandler
    void on(UserRegistered event) {
        // Only in the default app: its admins are the platform operators, an address in another app is another user.
        if (adminEmail.isPresent() && adminEmail.get().equals(event.email())
                && DefaultApp.APP_ID.equals(event.appIdOrDefault())) {
            grantAdmin(event.userId());
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void grantExistingAccount() {
        adminEmail.flatMap(email -> registry.ownerOf(DefaultApp.APP_ID, email)).ifPresent(this::grantAdmin);
    }

    private void grantAdmin(String userId) {
        commands.sendAndWait(new AssignRole(userId, Tenant.ADMIN, ACTOR, null, clock.instant()));
    }
}
