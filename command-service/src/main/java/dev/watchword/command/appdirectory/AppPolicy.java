package dev.watchword.command.appdirectory;

import dev.watchword.events.access.BuiltInRole;
import dev.watchword.events.access.Permission;
import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.user.LoginMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A client app as the flows see it: who it is and the login settings every flow of its users honours.
 *
 * @param appId                the app's id; {@link DefaultApp#APP_ID} for the platform's own app
 * @param clientId             the public client id; it goes into access tokens ({@code client_id}, {@code aud})
 * @param loginMethods         the ways its users may sign in; any other answers 403 on every path to it
 * @param requireVerifiedEmail whether password login waits for a verified address
 * @param accessTokenLifetime  how long its access tokens live
 * @param refreshTokenLifetime how long its sessions live
 * @param passwordMinLength    the fewest code points of a new password
 * @param corsOrigins          browser origins allowed to call Watchword for this app
 * @param customRoles          roles its admins defined, each with its permissions
 */
public record AppPolicy(
        String appId,
        String clientId,
        Set<LoginMethod> loginMethods,
        boolean requireVerifiedEmail,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        int passwordMinLength,
        List<String> corsOrigins,
        Map<String, Set<String>> customRoles) {

    public AppPolicy {
        loginMethods = Set.copyOf(loginMethods);
        corsOrigins = List.copyOf(corsOrigins);
        customRoles = Map.copyOf(customRoles);
    }

    /** Every permission a custom role may carry: none of them reaches beyond its own app. */
    public static Set<String> grantablePermissions() {
        return valuesOf(Permission.withinOneApp());
    }

    public boolean isDefault() {
        return DefaultApp.APP_ID.equals(appId);
    }

    public boolean allows(LoginMethod method) {
        return loginMethods.contains(method);
    }

    public boolean hasRole(String role) {
        return BuiltInRole.named(role).isPresent() || customRoles.containsKey(role);
    }

    /** What {@code role} carries in this app: a built-in role what {@link BuiltInRole} says, a custom one its own. */
    public Set<String> permissionsOf(String role) {
        return BuiltInRole.named(role)
                .map(builtIn -> valuesOf(builtIn.permissionsIn(appId)))
                .orElseGet(() -> customRoles.getOrDefault(role, Set.of()));
    }

    /** The permissions of a set of roles, sorted, as access tokens carry them. */
    public List<String> permissionsOf(Set<String> roles) {
        TreeSet<String> permissions = new TreeSet<>();
        roles.forEach(role -> permissions.addAll(permissionsOf(role)));
        return List.copyOf(permissions);
    }

    private static Set<String> valuesOf(Set<Permission> permissions) {
        return permissions.stream().map(Permission::value).collect(Collectors.toUnmodifiableSet());
    }
}
