package dev.watchword.command.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.bearer.ActingAdmin;
import dev.watchword.command.bearer.Caller;
import dev.watchword.command.passwordreset.PasswordResetSettings;
import dev.watchword.command.problem.ClientAddress;
import dev.watchword.command.token.OneTimeSecrets;
import dev.watchword.command.user.AssignRole;
import dev.watchword.command.user.DisableUser;
import dev.watchword.command.user.EnableUser;
import dev.watchword.command.user.ForceLogout;
import dev.watchword.command.user.NotPermitted;
import dev.watchword.command.user.RequestPasswordReset;
import dev.watchword.command.user.RevokeRole;
import dev.watchword.command.user.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The admin API's writes on users (issue 4; reads are query-service's). Each method needs a permission,
 * enforced by Spring Security from the token's {@code permissions}; then the actor's own aggregate confirms
 * that the token is current (a demoted admin's older token is refused) before the target user's aggregate
 * records the change with the actor's id. An admin may trigger a reset, never set a password (issue 3).
 */
@RestController
public class AdminUsersController {

    private final CommandGateway commands;
    private final OneTimeSecrets secrets;
    private final PasswordResetSettings reset;
    private final ActingAdmin actingAdmin;

    public AdminUsersController(CommandGateway commands, OneTimeSecrets secrets, PasswordResetSettings reset,
                                ActingAdmin actingAdmin) {
        this.commands = commands;
        this.secrets = secrets;
        this.reset = reset;
        this.actingAdmin = actingAdmin;
    }

    @PostMapping(path = {"/api/admin/users/{userId}/disable", "/api/admin/users/{userId}/disable/"})
    @PreAuthorize("hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void disable(@AuthenticationPrincipal Jwt token, @PathVariable String userId) {
        Instant now = actingAdmin.authorize(token, Roles.USERS_WRITE);
        onUser(() -> commands.sendAndWait(new DisableUser(userId, Caller.of(token).userId(), now)));
    }

    @PostMapping(path = {"/api/admin/users/{userId}/enable", "/api/admin/users/{userId}/enable/"})
    @PreAuthorize("hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void enable(@AuthenticationPrincipal Jwt token, @PathVariable String userId) {
        Instant now = actingAdmin.authorize(token, Roles.USERS_WRITE);
        onUser(() -> commands.sendAndWait(new EnableUser(userId, Caller.of(token).userId(), now)));
    }

    @PostMapping(path = {"/api/admin/users/{userId}/logout", "/api/admin/users/{userId}/logout/"})
    @PreAuthorize("hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void forceLogout(@AuthenticationPrincipal Jwt token, @PathVariable String userId) {
        Instant now = actingAdmin.authorize(token, Roles.USERS_WRITE);
        onUser(() -> commands.sendAndWait(new ForceLogout(userId, Caller.of(token).userId(), now)));
    }

    @PostMapping(path = {"/api/admin/users/{userId}/password-reset", "/api/admin/users/{userId}/password-reset/"})
    @PreAuthorize("hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void triggerPasswordReset(@AuthenticationPrincipal Jwt token, @PathVariable String userId,
                                     HttpServletRequest request) {
        Instant now = actingAdmin.authorize(token, Roles.USERS_WRITE);
        onUser(() -> commands.sendAndWait(new RequestPasswordReset(userId,
                secrets.issueFor(userId, now, reset.lifetime()), ClientAddress.of(request), Caller.of(token).userId(),
                now)));
    }

    /** Nobody grants a role carrying a permission they do not hold themselves (issue 4, no self-escalation). */
    @PostMapping(path = {"/api/admin/users/{userId}/roles", "/api/admin/users/{userId}/roles/"})
    @PreAuthorize("hasAuthority('roles:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void assignRole(@AuthenticationPrincipal Jwt token, @PathVariable String userId,
                           @Valid @RequestBody RoleChange body) {
        Instant now = actingAdmin.authorize(token, Roles.ROLES_WRITE);
        requireHolds(token, Roles.permissionsOf(body.role()));
        onUser(() -> commands.sendAndWait(new AssignRole(userId, body.role(), Caller.of(token).userId(),
                body.expectedVersion(), now)));
    }

    @DeleteMapping(path = {"/api/admin/users/{userId}/roles/{role}", "/api/admin/users/{userId}/roles/{role}/"})
    @PreAuthorize("hasAuthority('roles:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revokeRole(@AuthenticationPrincipal Jwt token, @PathVariable String userId, @PathVariable String role) {
        Instant now = actingAdmin.authorize(token, Roles.ROLES_WRITE);
        requireHolds(token, Roles.permissionsOf(role));
        onUser(() -> commands.sendAndWait(new RevokeRole(userId, role, Caller.of(token).userId(), null, now)));
    }

    private static void requireHolds(Jwt token, Set<String> permissions) {
        List<String> held = token.getClaimAsStringList("permissions");
        if (held == null || !held.containsAll(permissions)) {
            throw new NotPermitted();
        }
    }

    /** An unknown user is a 404, whatever the reason it is unknown. */
    private static void onUser(Supplier<Object> command) {
        try {
            command.get();
        } catch (AggregateNotFoundException | IncompatibleAggregateException unknown) {
            // an id that names no aggregate, or one of another kind (a client app's id): no such user
            throw new UserNotFound();
        }
    }

    public record RoleChange(@NotBlank @Size(max = 64) String role,
                             @JsonProperty("expected_version") Integer expectedVersion) {
    }
}
