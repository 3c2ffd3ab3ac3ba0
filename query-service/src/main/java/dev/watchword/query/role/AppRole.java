package dev.watchword.query.role;

import dev.watchword.events.access.BuiltInRole;
import dev.watchword.events.access.Permission;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Read model: a role of an app and the permissions it carries. The built-in ones ({@link BuiltInRole}: {@code user},
 * {@code admin}) are the same in every app but for the default app's {@code admin}, which also holds
 * {@code apps:write}; custom ones come from {@code RoleDefined} and never change.
 *
 * @param builtIn   whether it is {@code user} or {@code admin}
 * @param definedBy who defined a custom role, {@code null} for a built-in one
 * @param definedAt when, {@code null} for a built-in one
 */
public record AppRole(
        String appId, String role, List<String> permissions, boolean builtIn, String definedBy, Instant definedAt) {

    public AppRole {
        permissions = List.copyOf(permissions);
    }

    /** {@code user} and {@code admin} as they are in {@code appId}. */
    static List<AppRole> builtIn(String appId) {
        return Arrays.stream(BuiltInRole.values())
                .map(role -> new AppRole(
                        appId,
                        role.roleName(),
                        role.permissionsIn(appId).stream()
                                .map(Permission::value)
                                .toList(),
                        true,
                        null,
                        null))
                .toList();
    }
}
