package dev.watchword.query.role;

import dev.watchword.events.app.DefaultApp;
import dev.watchword.query.authorization.Permissions;

import java.time.Instant;
import java.util.List;

/**
 * Read model: a role of an app and the permissions it carries. The built-in ones ({@code user}, {@code admin}) are
 * the same in every app but for the default app's {@code admin}, which also holds {@code apps:write}; custom ones
 * come from {@code RoleDefined} and never change.
 *
 * @param builtIn   whether it is {@code user} or {@code admin}
 * @param definedBy who defined a custom role, {@code null} for a built-in one
 * @param definedAt when, {@code null} for a built-in one
 */
public record AppRole(String appId, String role, List<String> permissions, boolean builtIn, String definedBy,
                      Instant definedAt) {

    public static final String USER = "user";
    public static final String ADMIN = "admin";

    public AppRole {
        permissions = List.copyOf(permissions);
    }

    /** {@code user} and {@code admin} as they are in {@code appId}. */
    static List<AppRole> builtIn(String appId) {
        List<String> admin = DefaultApp.APP_ID.equals(appId) ? Permissions.ADMIN_OF_DEFAULT_APP
                : Permissions.ADMIN_OF_APP;
        return List.of(new AppRole(appId, USER, List.of(), true, null, null),
                new AppRole(appId, ADMIN, admin, true, null, null));
    }
}
