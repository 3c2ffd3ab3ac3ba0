package dev.watchword.command.admin;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.watchword.command.user.AdministrationCommand.AssignRole;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.events.platform.BootstrapAdminGranted;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.UserRegistered;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;

/**
 * Who becomes the bootstrap admin: only the default app's account that proved the configured mailbox, through
 * the installation's one claim; the role is given when the claim is recorded.
 */
class BootstrapAdminTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final String ROOT = "root@example.com";

    private final CommandGateway commands = mock(CommandGateway.class);
    private final EmailRegistry registry = mock(EmailRegistry.class);
    private final EventStore events = mock(EventStore.class);
    private final EarlierBootstrapGrant earlierGrant = mock(EarlierBootstrapGrant.class);

    private BootstrapAdmin bootstrap(String configured) {
        return new BootstrapAdmin(commands, registry, events, earlierGrant, configured, CLOCK);
    }

    private void storedFor(String userId, Object... payloads) {
        AtomicLong sequence = new AtomicLong();
        List<GenericDomainEventMessage<Object>> messages = java.util.Arrays.stream(payloads)
                .map(payload ->
                        new GenericDomainEventMessage<Object>("User", userId, sequence.getAndIncrement(), payload))
                .toList();
        when(events.readEvents(userId, 0)).thenAnswer(call -> DomainEventStream.of(messages.stream()));
    }

    @Test
    void startWhenConfiguredAccountVerifiedThenGrantClaimed() {
        when(registry.ownerOf("default", ROOT)).thenReturn(Optional.of("user-1"));
        storedFor(
                "user-1",
                new UserRegistered("user-1", ROOT, "hash", CLOCK.instant()),
                new EmailVerified("user-1", ROOT, CLOCK.instant()));

        bootstrap(" Root@Example.com ").claimForExistingAccount();

        verify(commands).sendAndWait(new ClaimBootstrapAdmin("user-1", CLOCK.instant()));
    }

    @Test
    void startWhenConfiguredAccountNeverVerifiedThenNothingClaimed() {
        // Registering the address proves nothing: whoever typed it first could otherwise become an operator.
        when(registry.ownerOf("default", ROOT)).thenReturn(Optional.of("user-1"));
        storedFor(
                "user-1",
                new UserRegistered("user-1", ROOT, "hash", CLOCK.instant()),
                new EmailVerificationRequested("user-1", ROOT, "h", "s", CLOCK.instant(), CLOCK.instant()));

        bootstrap(ROOT).claimForExistingAccount();

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void verifiedWhenConfiguredAddressInDefaultAppThenGrantClaimed() {
        when(registry.appOf("user-1")).thenReturn(Optional.of("default"));

        bootstrap(ROOT).on(new EmailVerified("user-1", ROOT, CLOCK.instant()));

        verify(commands).sendAndWait(new ClaimBootstrapAdmin("user-1", CLOCK.instant()));
    }

    @Test
    void emailChangedWhenToConfiguredAddressThenGrantClaimed() {
        when(registry.appOf("user-3")).thenReturn(Optional.of("default"));

        bootstrap(ROOT).on(new EmailChanged("user-3", "old@example.com", ROOT, CLOCK.instant()));

        verify(commands).sendAndWait(new ClaimBootstrapAdmin("user-3", CLOCK.instant()));
    }

    @Test
    void verifiedWhenConfiguredAddressInAnotherAppThenNothingClaimed() {
        when(registry.appOf("user-2")).thenReturn(Optional.of("3e2d1c0b-9a8f-4e7d-8c6b-5a4f3e2d1c0b"));

        bootstrap(ROOT).on(new EmailVerified("user-2", ROOT, CLOCK.instant()));

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void verifiedWhenOtherAddressThenNothingClaimed() {
        when(registry.appOf("user-2")).thenReturn(Optional.of("default"));

        bootstrap(ROOT).on(new EmailVerified("user-2", "someone@example.com", CLOCK.instant()));

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void verifiedWhenAnEarlierVersionGrantedAnotherAccountThenClaimGoesToThatAccount() {
        // Before the claim was recorded, the role was granted to user-0; the address has since changed hands.
        when(earlierGrant.grantee()).thenReturn(Optional.of("user-0"));
        when(registry.appOf("user-5")).thenReturn(Optional.of("default"));

        bootstrap(ROOT).on(new EmailVerified("user-5", ROOT, CLOCK.instant()));

        verify(commands).sendAndWait(new ClaimBootstrapAdmin("user-0", CLOCK.instant()));
    }

    @Test
    void grantedWhenRecordedThenAdminRoleAssignedBySystemBootstrap() {
        bootstrap(ROOT).on(new BootstrapAdminGranted("user-1", CLOCK.instant()));

        verify(commands).sendAndWait(new AssignRole("user-1", "admin", "system:bootstrap", null, CLOCK.instant()));
    }

    @Test
    void startWhenNotConfiguredThenNothingLookedUp() {
        bootstrap("").claimForExistingAccount();

        verify(registry, never()).ownerOf(any(), any());
        verify(commands, never()).sendAndWait(any());
    }
}
