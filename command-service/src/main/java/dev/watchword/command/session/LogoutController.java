package dev.watchword.command.session;

import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.security.RefreshCookie;
import dev.watchword.command.user.SessionCommand.RevokeSession;
import dev.watchword.events.user.SessionRevocationReason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logout ends the session of the presented refresh token; its access tokens are then refused by every verifier
 * until they expire. Like RFC 7009 revocation it answers the same for unknown or already dead tokens. In cookie mode
 * it reads and clears the app's refresh cookie; {@code /api/auth/token/logout/} is the path that cookie reaches.
 */
@RestController
public class LogoutController {

    private final CommandGateway commands;
    private final PresentedRefreshToken presentedTokens;
    private final Clock clock;

    public LogoutController(CommandGateway commands, PresentedRefreshToken presentedTokens, Clock clock) {
        this.commands = commands;
        this.presentedTokens = presentedTokens;
        this.clock = clock;
    }

    @PostMapping({"/api/auth/logout", "/api/auth/token/logout"})
    public ResponseEntity<Void> logout(
            @Valid @RequestBody(required = false) RefreshRequest body, HttpServletRequest request) {
        ResponseEntity.HeadersBuilder<?> answer = ResponseEntity.noContent();
        // The browser forgets the cookie whatever became of its session.
        presentedTokens
                .cookieClientId(request)
                .ifPresent(clientId -> answer.header(
                        HttpHeaders.SET_COOKIE, RefreshCookie.cleared(clientId).toString()));
        presentedTokens.find(body, request).flatMap(OpaqueToken::parse).ifPresent(token -> {
            try {
                commands.sendAndWait(new RevokeSession(
                        token.userId(), token.hash(), SessionRevocationReason.LOGOUT, clock.instant()));
            } catch (AggregateNotFoundException | IncompatibleAggregateException unknownUser) {
                // same answer as for a known user's dead token
            }
        });
        return answer.build();
    }
}
