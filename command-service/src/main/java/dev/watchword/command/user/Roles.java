package dev.watchword.command.user;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in roles and the permissions they carry (issue 4). Custom roles per client app come with client
 * apps; until then these two exist.
 */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    public static final String USERS_READ = "users:read";
    public static final String USERS_WRITE = "users:write";
    public static final String ROLES_WRITE = "roles:write";
    public static final String SETTINGS_WRITE = "settings:write";
    public static final String AUDIT_READ = "audit:read";
    /**
     * Register client apps and manage their API keys. The platform operator's permission: until tenant admins
     * exist (each app's own admins, a later step of issue 4), only the built-in {@code admin} role carries it,
     * and it reaches every app.
     */
    public static final String APPS_WRITE = "apps:write";

    private static final Map<String, List<String>> PERMISSIONS = Map.of(
            USER, List.of(),
            ADMIN, List.of(USERS_READ, USERS_WRITE, ROLES_WRITE, SETTINGS_WRITE, AUDIT_READ, APPS_WRITE));

    private Roles() {
    }

    public static boolean exists(String role) {
        return PERMISSIONS.containsKey(role);
    }

    public static Set<String> permissionsOf(String role) {
        return Set.copyOf(PERMISSIONS.getOrDefault(role, List.of()));
    }

    public static List<String> permissionsOf(Set<String> roles) {
        TreeSet<String> permissions = new TreeSet<>();
        roles.forEach(role -> permissions.addAll(PERMISSIONS.getOrDefault(role, List.of())));
        return List.copyOf(permissions);
    }
}
