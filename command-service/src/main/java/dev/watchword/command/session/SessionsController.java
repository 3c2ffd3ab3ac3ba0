package dev.watchword.command.session;

import dev.watchword.command.security.Caller;
import dev.watchword.command.user.SessionCommand.RevokeAllSessions;
import dev.watchword.command.user.SessionCommand.RevokeSessionById;
import dev.watchword.events.user.SessionRevocationReason;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ending sessions by the logged-in user: one from the list (which query-service serves at
 * {@code GET /api/auth/sessions}), or all of them. Their access tokens are then refused by every verifier.
 */
@RestController
public class SessionsController {

    private final CommandGateway commands;
    private final Clock clock;

    public SessionsController(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @DeleteMapping("/api/auth/sessions/{sessionId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revoke(@AuthenticationPrincipal Jwt token, @PathVariable String sessionId) {
        Caller caller = Caller.of(token);
        commands.sendAndWait(new RevokeSessionById(
                caller.userId(),
                caller.sessionId(),
                sessionId,
                SessionRevocationReason.REVOKED_BY_USER,
                clock.instant()));
    }

    @PostMapping("/api/auth/logout/everywhere")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logoutEverywhere(@AuthenticationPrincipal Jwt token) {
        Caller caller = Caller.of(token);
        commands.sendAndWait(new RevokeAllSessions(caller.userId(), caller.sessionId(), clock.instant()));
    }
}
