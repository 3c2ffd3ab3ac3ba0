package dev.watchword.command.admin;

import dev.watchword.command.user.AssignRole;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.events.user.UserRegistered;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Both ways the bootstrap admin is found: an account registered later, and one that existed before. */
class BootstrapAdminTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);

    private final CommandGateway commands = mock(CommandGateway.class);
    private final EmailRegistry registry = mock(EmailRegistry.class);

    @Test
    void startWhenConfiguredAccountAlreadyExistsThenAdminGranted() {
        when(registry.ownerOf("default", "root@example.com")).thenReturn(Optional.of("user-1"));
        BootstrapAdmin bootstrap = new BootstrapAdmin(commands, registry, " Root@Example.com ", CLOCK);

        bootstrap.grantExistingAccount();

        ArgumentCaptor<AssignRole> command = ArgumentCaptor.forClass(AssignRole.class);
        verify(commands).sendAndWait(command.capture());
        assertThat(command.getValue()).isEqualTo(new AssignRole("user-1", "admin", "system:bootstrap", null,
                CLOCK.instant()));
    }

    @Test
    void registrationWhenOtherAddressThenNothingGranted() {
        BootstrapAdmin bootstrap = new BootstrapAdmin(commands, registry, "root@example.com", CLOCK);

        bootstrap.on(new UserRegistered("user-2", "someone@example.com", "hash", CLOCK.instant()));

        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void startWhenNotConfiguredThenNothingLookedUp() {
        BootstrapAdmin bootstrap = new BootstrapAdmin(commands, registry, "", CLOCK);

        bootstrap.grantExistingAccount();

        verify(registry, never()).ownerOf(any(), any());
        verify(commands, never()).sendAndWait(any());
    }
}
