package dev.watchword.command.revocation;

import dev.watchword.accesstoken.AccessTokenRules;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.problem.ProblemWriter;
import dev.watchword.command.security.OwnAccessTokenDecoder;
import dev.watchword.command.user.SessionCommand.RevokeSession;
import dev.watchword.command.user.SessionCommand.RevokeSessionById;
import dev.watchword.events.user.SessionRevocationReason;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token revocation (RFC 7009) for client apps' backends: a refresh token ends its session; an access token
 * ends the session it belongs to (section 2.1 lets the server revoke the grant behind it). Client
 * authentication is required; an invalid, unknown or already dead token is answered 200 like a revoked one
 * (section 2.2), so the endpoint tells nothing about tokens.
 */
@RestController
@EnableConfigurationProperties(ClientCredentials.class)
public class TokenRevocationController {

    private final CommandGateway commands;
    private final OwnAccessTokenDecoder accessTokens;
    private final ClientCredentials client;
    private final ProblemWriter problems;
    private final Clock clock;

    public TokenRevocationController(
            CommandGateway commands,
            OwnAccessTokenDecoder accessTokens,
            ClientCredentials client,
            ProblemWriter problems,
            Clock clock) {
        this.commands = commands;
        this.accessTokens = accessTokens;
        this.client = client;
        this.problems = problems;
        this.clock = clock;
    }

    @PostMapping(path = "/api/auth/token/revoke", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<Void> revoke(
            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String auth,
            @RequestParam("token") String token) {
        if (!client.accept(auth)) {
            throw new InvalidClient();
        }
        OpaqueToken.parse(token)
                .ifPresentOrElse(
                        this::revokeRefreshToken, () -> accessToken(token).ifPresent(this::revokeSessionOf));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).build();
    }

    /** The Basic challenge of RFC 7617 section 2 (RFC 6749 section 5.2 {@code invalid_client}), not a Bearer one. */
    @ExceptionHandler(InvalidClient.class)
    void invalidClient(InvalidClient refused, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"watchword\", charset=\"UTF-8\"");
        problems.write(response, refused.code().problem(refused.getMessage()));
    }

    private void revokeRefreshToken(OpaqueToken refresh) {
        ignoringUnknownUsers(() -> commands.sendAndWait(new RevokeSession(
                refresh.userId(), refresh.hash(), SessionRevocationReason.TOKEN_REVOKED, clock.instant())));
    }

    private void revokeSessionOf(Jwt access) {
        String sid = access.getClaimAsString(AccessTokenRules.SESSION_ID);
        ignoringUnknownUsers(() -> commands.sendAndWait(new RevokeSessionById(
                access.getSubject(), sid, sid, SessionRevocationReason.TOKEN_REVOKED, clock.instant())));
    }

    private Optional<Jwt> accessToken(String token) {
        try {
            return Optional.of(accessTokens.decode(token));
        } catch (JwtException notOurs) {
            return Optional.empty();
        }
    }

    /** Unknown users and sessions that already ended are answered like a successful revocation. */
    private static void ignoringUnknownUsers(Runnable revocation) {
        try {
            revocation.run();
        } catch (org.axonframework.modelling.command.AggregateNotFoundException
                | org.axonframework.eventsourcing.IncompatibleAggregateException
                | dev.watchword.command.problem.RuleViolation alreadyGone) {
            // RFC 7009 section 2.2: the client cannot do anything about it; the token is not usable either way
        }
    }
}
