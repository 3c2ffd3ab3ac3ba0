package dev.watchword.command.session;

import dev.watchword.command.token.OpaqueToken;
import dev.watchword.command.user.RevokeSession;
import dev.watchword.events.user.SessionRevocationReason;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * Logout ends the session of the presented refresh token; its access tokens are then refused by every verifier
 * until they expire. Like RFC 7009 revocation it answers the same for unknown or already dead tokens.
 */
@RestController
public class LogoutController {

    private final CommandGateway commands;
    private final Clock clock;

    public LogoutController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @PostMapping(path = {"/api/auth/logout", "/api/auth/logout/"})
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(@Valid @RequestBody RefreshRequest body) {
        OpaqueToken.parse(body.refresh()).ifPresent(token -> {
            try {
                commands.sendAndWait(new RevokeSession(token.userId(), token.hash(), SessionRevocationReason.LOGOUT,
                        clock.instant()));
            } catch (AggregateNotFoundException | IncompatibleAggregateException unknownUser) {
                // same answer as for a known user's dead token
            }
        });
    }
}
