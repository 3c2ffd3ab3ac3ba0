package dev.watchword.command.security;

import dev.watchword.accesstoken.AccessTokenRules;
import dev.watchword.command.user.AdministrationCommand.AuthorizeActor;
import dev.watchword.command.user.UserRuleViolation;
import dev.watchword.events.access.Permission;
import dev.watchword.events.app.DefaultApp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * The second half of every admin write's authorization: Spring Security has checked that the credential claims
 * the permission. For an access token this asks the acting user's own aggregate whether the token is still
 * current (its session live, its {@code authz_ver} the user's present one) and the permission still held, so a
 * demoted admin's older token is refused at once. An API key was checked against the live directory
 * of keys when the request arrived.
 */
@Component
public class ActingAdmin {

    private final CommandGateway commands;
    private final Clock clock;

    public ActingAdmin(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    public Acting authorize(Authentication authentication, Permission permission) {
        Instant now = clock.instant();
        Set<String> held = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (!held.contains(permission.value())) {
            throw UserRuleViolation.notPermitted();
        }
        if (authentication instanceof ApiKeyAuthentication apiKey) {
            requireDefaultAppFor(permission, apiKey.key().appId());
            return new Acting(apiKey.key().actorId(), apiKey.key().appId(), held, now);
        }
        Jwt token = (Jwt) authentication.getPrincipal();
        Caller caller = Caller.of(token);
        requireDefaultAppFor(permission, caller.appId());
        // A claim that names no version at all matches none: the aggregate refuses it as out of date.
        long version = AccessTokenRules.authorizationVersion(token).orElse(-1);
        commands.sendAndWait(new AuthorizeActor(
                caller.userId(),
                caller.sessionId(),
                version <= Integer.MAX_VALUE ? (int) version : -1,
                permission.value(),
                now));
        List<String> claimed = token.getClaimAsStringList(AccessTokenRules.PERMISSIONS);
        return new Acting(caller.userId(), caller.appId(), claimed == null ? Set.of() : Set.copyOf(claimed), now);
    }

    /**
     * Platform-level administration ({@code apps:write}) is the default app's alone, as query-service requires
     * too: an actor of a registered app is refused it (403, nothing recorded) whatever its roles say.
     */
    private static void requireDefaultAppFor(Permission permission, String appId) {
        if (permission.platformWide() && !DefaultApp.APP_ID.equals(appId)) {
            throw UserRuleViolation.notPermitted();
        }
    }
}
