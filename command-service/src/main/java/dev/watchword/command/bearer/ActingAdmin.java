package dev.watchword.command.bearer;

import dev.watchword.command.user.AuthorizeActor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The second half of every admin write's authorization: Spring Security has checked that the token claims
 * the permission; this asks the acting user's own aggregate whether the token is still current (its session
 * live, its {@code authz_ver} the user's present one) and the permission still held, so a demoted admin's
 * older token is refused at once (issue 4).
 */
@Component
public class ActingAdmin {

    private final CommandGateway commands;
    private final Clock clock;

    public ActingAdmin(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** @return the moment of the authorization, to record with the change it allows */
    public Instant authorize(Jwt token, String permission) {
        Instant now = clock.instant();
        Caller caller = Caller.of(token);
        Number version = token.getClaim("authz_ver");
        commands.sendAndWait(new AuthorizeActor(caller.userId(), caller.sessionId(),
                version == null ? 0 : version.intValue(), permission, now));
        return now;
    }
}
