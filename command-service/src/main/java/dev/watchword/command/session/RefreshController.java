package dev.watchword.command.session;

import dev.watchword.command.token.AccessTokenIssuer;
import dev.watchword.command.token.IssuedTokens;
import dev.watchword.command.token.OpaqueToken;
import dev.watchword.command.user.InvalidRefreshToken;
import dev.watchword.command.user.RefreshSession;
import dev.watchword.command.user.SessionGrant;
import jakarta.validation.Valid;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Refresh with rotation: every use returns a new refresh token and the presented one stops working. */
@RestController
public class RefreshController {

    private final CommandGateway commands;
    private final AccessTokenIssuer tokens;
    private final Clock clock;

    public RefreshController(CommandGateway commands, AccessTokenIssuer tokens, Clock clock) {
        this.commands = commands;
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping(path = {"/api/auth/token/refresh", "/api/auth/token/refresh/", "/api/users/token/refresh",
            "/api/users/token/refresh/"})
    public IssuedTokens refresh(@Valid @RequestBody RefreshRequest body) {
        OpaqueToken presented = OpaqueToken.parse(body.refresh()).orElseThrow(InvalidRefreshToken::new);
        OpaqueToken next = OpaqueToken.issueFor(presented.userId());
        try {
            SessionGrant grant = commands.sendAndWait(
                    new RefreshSession(presented.userId(), presented.hash(), next.hash(), clock.instant()));
            return tokens.issue(grant, next);
        } catch (AggregateNotFoundException unknownUser) {
            throw new InvalidRefreshToken();
        }
    }
}
