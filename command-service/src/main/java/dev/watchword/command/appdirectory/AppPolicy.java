package dev.watchword.command.appdirectory;

import dev.watchword.events.app.DefaultApp;
import dev.watchword.events.user.LoginMethod;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
public record AppPolicy(String appId, String clientId, Set<LoginMethod> loginMethods, boolean requireVerifiedEmail,
                     Duration accessTokenLifetime, Duration refreshTokenLifetime, int passwordMinLength,
                     List<String> corsOrigins, Map<String, Set<String>> customRoles) {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    public static final String USERS_READ = "users:read";
    public static final String USERS_WRITE = "users:write";
    public static final String ROLES_WRITE = "roles:write";
    public static final String SETTINGS_WRITE = "settings:write";
    public static final String KEYS_WRITE = "keys:write";
    public static final String AUDIT_READ = "audit:read";
    /**
     * Register client apps and act on every app: the platform operator's permission. Only the {@code admin}s of
     * the default app hold it; it is what makes a caller platform-wide rather than scoped to one app.
     */
    public static final String APPS_WRITE = "apps:write";

    /** What the built-in {@code admin} role carries in an app other than the default one. */
    public static final Set<String> APP_ADMIN_PERMISSIONS =
            Set.of(USERS_READ, USERS_WRITE, ROLES_WRITE, SETTINGS_WRITE, KEYS_WRITE, AUDIT_READ);

    /** What an app's API key may do on the admin API: what an app admin may, except manage keys. */
    public static final Set<String> API_KEY_PERMISSIONS =
            Set.of(USERS_READ, USERS_WRITE, ROLES_WRITE, SETTINGS_WRITE, AUDIT_READ);

    private static final Set<String> PLATFORM_ADMIN_PERMISSIONS =
            Set.of(USERS_READ, USERS_WRITE, ROLES_WRITE, SETTINGS_WRITE, KEYS_WRITE, AUDIT_READ, APPS_WRITE);

    public AppPolicy {
        loginMethods = Set.copyOf(loginMethods);
        corsOrigins = List.copyOf(corsOrigins);
        customRoles = Map.copyOf(customRoles);
    }

    /** Every permission a custom role may carry: none of them reaches beyond its own app. */
    public static Set<String> grantablePermissions() {
        return APP_ADMIN_PERMISSIONS;
    }

    public boolean isDefault() {
        return DefaultApp.APP_ID.equals(appId);
    }

    public boolean allows(LoginMethod method) {
        return loginMethods.contains(method);
    }

    public boolean hasRole(String role) {
        return USER.equals(role) || ADMIN.equals(role) || customRoles.containsKey(role);
    }

    public Set<String> permissionsOf(String role) {
        if (ADMIN.equals(role)) {
            return isDefault() ? PLATFORM_ADMIN_PERMISSIONS : APP_ADMIN_PERMISSIONS;
        }
        return customRoles.getOrDefault(role, Set.of());
    }

    /** The permissions of a set of roles, sorted, as access tokens carry them. */
    public List<String> permissionsOf(Set<String> roles) {
        TreeSet<String> permissions = new TreeSet<>();
        roles.forEach(role -> permissions.addAll(permissionsOf(role)));
        return List.copyOf(permissions);
    }
}
