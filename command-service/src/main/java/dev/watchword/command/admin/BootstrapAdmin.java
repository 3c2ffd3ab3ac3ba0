package dev.watchword.command.admin;

import dev.watchword.command.user.AdministrationCommand.AssignRole;
import dev.watchword.command.user.EmailAddress;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.events.access.BuiltInRole;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.platform.BootstrapAdminGranted;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerified;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first platform operator: the default app's account that first <em>proves</em> the mailbox of
 * {@code WATCHWORD_BOOTSTRAP_ADMIN_EMAIL} gets the {@code admin} role, once in the life of the installation.
 * Registering the address proves nothing (the default app lets unverified accounts log in), so the grant waits for
 * its {@code EmailVerified} (or an {@code EmailChanged}, which a link to the new mailbox confirmed). The claim is
 * an event, {@link BootstrapAdminGranted}, in a stream of its own ({@link BootstrapAdminClaim}): it survives
 * restarts, shows in the log, and makes every later claim a no-op, so a later owner of the address (after an email
 * change or an erasure) never inherits it (OWASP ASVS 5.0 V8.2.1). The role
 * itself is assigned on that event, recorded as granted by {@code system:bootstrap}; assigning a role the user
 * holds records nothing, so a redelivery is harmless. An account verified before the setting was made is found
 * at start-up through the email registry and its own event stream.
 */
@Component
@ProcessingGroup("admin-bootstrap")
public class BootstrapAdmin {

    static final String ACTOR = "system:bootstrap";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final CommandGateway commands;
    private final EmailRegistry registry;
    private final EventStore events;
    private final EarlierBootstrapGrant earlierGrant;
    private final Optional<String> adminEmail;
    private final Clock clock;

    BootstrapAdmin(
            CommandGateway commands,
            EmailRegistry registry,
            EventStore events,
            EarlierBootstrapGrant earlierGrant,
            @Value("${watchword.bootstrap-admin-email:}") String adminEmail,
            Clock clock) {
        this.commands = commands;
        this.registry = registry;
        this.events = events;
        this.earlierGrant = earlierGrant;
        this.adminEmail = EmailAddress.normalize(adminEmail);
        this.clock = clock;
    }

    @EventHandler
    void on(EmailVerified event) {
        claimIfBootstrapAddress(event.userId(), event.email());
    }

    @EventHandler
    void on(EmailChanged event) {
        claimIfBootstrapAddress(event.userId(), event.email());
    }

    @EventHandler
    void on(BootstrapAdminGranted event) {
        try {
            commands.sendAndWait(
                    new AssignRole(event.userId(), BuiltInRole.ADMIN.roleName(), ACTOR, null, event.grantedAt()));
        } catch (AggregateNotFoundException erased) {
            // Erased before the role could be given: the grant is spent all the same, nobody else inherits it.
            LOG.warn("The bootstrap admin's account no longer exists; the grant is not repeated");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void claimForExistingAccount() {
        adminEmail
                .flatMap(email -> registry.ownerOf(DefaultApp.APP_ID, email))
                .filter(this::hasVerifiedAddress)
                .ifPresent(this::claim);
    }

    private void claimIfBootstrapAddress(String userId, String email) {
        // Only in the default app: its admins are the platform operators, an address in another app is another user.
        if (adminEmail.isPresent()
                && adminEmail.get().equals(email)
                && registry.appOf(userId).filter(DefaultApp.APP_ID::equals).isPresent()) {
            claim(userId);
        }
    }

    /**
     * Whether the account's present address was proven: it was verified, or it came from a confirmed change (a
     * change always targets a verified address; the registration address is the only one that may be unproven).
     */
    private boolean hasVerifiedAddress(String userId) {
        return events.readEvents(userId, 0)
                .asStream()
                .anyMatch(event ->
                        event.getPayload() instanceof EmailVerified || event.getPayload() instanceof EmailChanged);
    }

    private void claim(String userId) {
        // An installation that granted the role before the claim existed already spent its grant, on that account.
        String grantee = earlierGrant.grantee().orElse(userId);
        try {
            commands.sendAndWait(new ClaimBootstrapAdmin(grantee, clock.instant()));
        } catch (AggregateStreamCreationException | ConcurrencyException lostRace) {
            // Another claim was recorded at the same moment: the grant is made, once, to that one.
            LOG.info("The bootstrap grant was claimed concurrently; nothing recorded");
        }
    }
}
