package dev.watchword.command.session;

import dev.watchword.command.issuing.AccessTokenIssuer;
import dev.watchword.command.issuing.IssuedTokens;
import dev.watchword.command.issuing.RefreshTokens;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.user.RefreshOutcome;
import dev.watchword.command.user.SessionCommand.RefreshSession;
import dev.watchword.command.user.UserRuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refresh with rotation: every use returns a new refresh token and the presented one stops working. A token
 * replayed after the grace window revokes its whole session (RFC 9700 section 4.14.2). In cookie mode the token
 * comes from, and its successor goes into, the app's refresh cookie ({@link RefreshCookieAdvice}).
 */
@RestController
public class RefreshController {

    private final CommandGateway commands;
    private final RefreshTokens refreshTokens;
    private final AccessTokenIssuer tokens;
    private final PresentedRefreshToken presentedTokens;
    private final Clock clock;

    public RefreshController(
            CommandGateway commands,
            RefreshTokens refreshTokens,
            AccessTokenIssuer tokens,
            PresentedRefreshToken presentedTokens,
            Clock clock) {
        this.presentedTokens = presentedTokens;
        this.commands = commands;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
        this.clock = clock;
    }

    @PostMapping({"/api/auth/token/refresh", "/api/users/token/refresh"})
    public IssuedTokens refresh(@Valid @RequestBody(required = false) RefreshRequest body, HttpServletRequest request) {
        OpaqueToken presented = OpaqueToken.parse(presentedTokens.of(body, request))
                .orElseThrow(UserRuleViolation::invalidRefreshToken);
        OpaqueToken next = refreshTokens.successorOf(presented);
        RefreshSession command = new RefreshSession(
                presented.userId(),
                presented.hash(),
                next.hash(),
                ClientAddress.of(request),
                ClientAddress.userAgentOf(request),
                clock.instant());
        RefreshOutcome outcome;
        try {
            outcome = send(command);
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknownUser) {
            throw UserRuleViolation.invalidRefreshToken();
        }
        if (outcome instanceof RefreshOutcome.Granted granted) {
            return tokens.issue(granted.grant(), next);
        }
        throw UserRuleViolation.invalidRefreshToken();
    }

    /**
     * Another instance of the service appended to the same user while this one decided (a refresh of the same
     * session racing on two instances): the append conflicted on the sequence number and nothing was stored. Decided
     * once more on the user as stored now, the presented token is then the just-rotated one (grace window or reuse),
     * never the current one again.
     */
    private RefreshOutcome send(RefreshSession command) {
        try {
            return commands.sendAndWait(command);
        } catch (ConcurrencyException raced) {
            return commands.sendAndWait(command);
        }
    }
}
