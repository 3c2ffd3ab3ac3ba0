package dev.watchword.command.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.appdirectory.AppDirectory;
import dev.watchword.command.onetimesecret.OneTimeSecrets;
import dev.watchword.command.passwordreset.PasswordResetSettings;
import dev.watchword.command.security.Acting;
import dev.watchword.command.security.ActingAdmin;
import dev.watchword.command.security.ClientAddress;
import dev.watchword.command.user.AdministrationCommand.AssignRole;
import dev.watchword.command.user.AdministrationCommand.DisableUser;
import dev.watchword.command.user.AdministrationCommand.EnableUser;
import dev.watchword.command.user.AdministrationCommand.EndSessionByAdmin;
import dev.watchword.command.user.AdministrationCommand.EraseUser;
import dev.watchword.command.user.AdministrationCommand.ForceLogout;
import dev.watchword.command.user.AdministrationCommand.RevokeRole;
import dev.watchword.command.user.EmailRegistry;
import dev.watchword.command.user.PasswordCommand.RequestPasswordReset;
import dev.watchword.events.access.Permission;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API's writes on users (reads are query-service's). Each method needs a permission,
 * enforced by Spring Security from the token's {@code permissions} (or an app's API key); then the actor's own aggregate confirms
 * that the token is current (a demoted admin's older token is refused) before the target user's aggregate
 * records the change with the actor's id. An admin may trigger a reset, never set a password.
 */
@RestController
public class AdminUsersController {

    private final CommandGateway commands;
    private final OneTimeSecrets secrets;
    private final PasswordResetSettings reset;
    private final ActingAdmin actingAdmin;
    private final EmailRegistry registry;
    private final AppDirectory appDirectory;

    public AdminUsersController(
            CommandGateway commands,
            OneTimeSecrets secrets,
            PasswordResetSettings reset,
            ActingAdmin actingAdmin,
            EmailRegistry registry,
            AppDirectory appDirectory) {
        this.commands = commands;
        this.secrets = secrets;
        this.reset = reset;
        this.actingAdmin = actingAdmin;
        this.registry = registry;
        this.appDirectory = appDirectory;
    }

    @PostMapping("/api/admin/users/{userId}/disable")
    @PreAuthorize("hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void disable(Authentication caller, @PathVariable String userId) {
        Acting acting = actingOn(caller, Permission.USERS_WRITE, userId);
        onUser(() -> commands.sendAndWait(new DisableUser(userId, acting.actorId(), acting.at())));
    }

    @PostMapping("/api/admin/users/{userId}/enable")
    @PreAuthorize("hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void enable(Authentication caller, @PathVariable String userId) {
        Acting acting = actingOn(caller, Permission.USERS_WRITE, userId);
        onUser(() -> commands.sendAndWait(new EnableUser(userId, acting.actorId(), acting.at())));
    }

    @PostMapping("/api/admin/users/{userId}/logout")
    @PreAuthorize("hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void forceLogout(Authentication caller, @PathVariable String userId) {
        Acting acting = actingOn(caller, Permission.USERS_WRITE, userId);
        onUser(() -> commands.sendAndWait(new ForceLogout(userId, acting.actorId(), acting.at())));
    }

    /**
     * Ends one session of the user, the others going on (OWASP ASVS 5.0 V7.4.5): 404 {@code SESSION_NOT_FOUND} when
     * the user has no such live session, as for the user ending it from their own list.
     */
    @DeleteMapping("/api/admin/users/{userId}/sessions/{sessionId}")
    @PreAuthorize("hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void endSession(Authentication caller, @PathVariable String userId, @PathVariable String sessionId) {
        Acting acting = actingOn(caller, Permission.USERS_WRITE, userId);
        onUser(() -> commands.sendAndWait(new EndSessionByAdmin(userId, sessionId, acting.actorId(), acting.at())));
    }

    @PostMapping("/api/admin/users/{userId}/password-reset")
    @PreAuthorize("hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void triggerPasswordReset(Authentication caller, @PathVariable String userId, HttpServletRequest request) {
        Acting acting = actingOn(caller, Permission.USERS_WRITE, userId);
        onUser(() -> commands.sendAndWait(new RequestPasswordReset(
                userId,
                secrets.issueFor(userId, acting.at(), reset.lifetime()),
                ClientAddress.of(request),
                acting.actorId(),
                acting.at())));
    }

    /**
     * Deletes the account and erases its personal data (crypto-shredding): sessions end, the user's data
     * key is destroyed, the log keeps its events without anything readable about the person, and every read model
     * shows the user as erased. The address may register again, as a new user.
     */
    @DeleteMapping("/api/admin/users/{userId}")
    @PreAuthorize("hasAuthority('users:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Authentication caller, @PathVariable String userId) {
        Acting acting = actingOn(caller, Permission.USERS_WRITE, userId);
        onUser(() -> commands.sendAndWait(new EraseUser(userId, acting.actorId(), acting.at())));
    }

    /** Nobody grants a role carrying a permission they do not hold themselves (no self-escalation). */
    @PostMapping("/api/admin/users/{userId}/roles")
    @PreAuthorize("hasAuthority('roles:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void assignRole(Authentication caller, @PathVariable String userId, @Valid @RequestBody RoleChange body) {
        Acting acting = actingOn(caller, Permission.ROLES_WRITE, userId);
        acting.requireHolds(permissionsOf(userId, body.role()));
        onUser(() -> commands.sendAndWait(
                new AssignRole(userId, body.role(), acting.actorId(), body.expectedVersion(), acting.at())));
    }

    @DeleteMapping("/api/admin/users/{userId}/roles/{role}")
    @PreAuthorize("hasAuthority('roles:write')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revokeRole(Authentication caller, @PathVariable String userId, @PathVariable String role) {
        Acting acting = actingOn(caller, Permission.ROLES_WRITE, userId);
        acting.requireHolds(permissionsOf(userId, role));
        onUser(() -> commands.sendAndWait(new RevokeRole(userId, role, acting.actorId(), null, acting.at())));
    }

    /**
     * The caller, authorized for {@code permission}, and the target user within its reach: a user of another app
     * is as unknown as a user that does not exist (404, nothing recorded).
     */
    private Acting actingOn(Authentication caller, Permission permission, String userId) {
        Acting acting = actingAdmin.authorize(caller, permission);
        String appId = registry.appOf(userId).orElseThrow(UserNotFound::new);
        acting.requireReach(appId, UserNotFound::new);
        return acting;
    }

    private Set<String> permissionsOf(String userId, String role) {
        return appDirectory
                .of(registry.appOf(userId).orElseThrow(UserNotFound::new))
                .permissionsOf(role);
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

    public record RoleChange(
            @NotBlank @Size(max = 64) String role,
            @JsonProperty("expected_version") Integer expectedVersion) {}
}
