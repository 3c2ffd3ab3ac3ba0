package dev.watchword.events.access;

import dev.watchword.events.app.DefaultApp;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The roles every app has without defining them. Their names are taken: a custom role ({@code RoleDefined}) never
 * has one. Command-service expands them into permissions when it issues a token, query-service shows them among
 * an app's roles, and both read the same answer here.
 */
public enum BuiltInRole {

    /** Every account has it from registration; it carries no permission on the admin API. */
    USER("user"),
    /**
     * An app's administrator: every permission {@linkplain Permission#withinOneApp() within its app}, and in the
     * {@linkplain DefaultApp default app} {@link Permission#APPS_WRITE} as well, which makes it the platform
     * operator.
     */
    ADMIN("admin");

    private final String roleName;

    BuiltInRole(String roleName) {
        this.roleName = roleName;
    }

    /** The role as {@code RoleAssigned} and the {@code roles} claim carry it: {@code admin}. */
    public String roleName() {
        return roleName;
    }

    /** What the role carries in {@code appId}, in {@link Permission} declaration order. */
    public Set<Permission> permissionsIn(String appId) {
        return switch (this) {
            case USER -> Collections.unmodifiableSet(EnumSet.noneOf(Permission.class));
            case ADMIN ->
                Collections.unmodifiableSet(
                        DefaultApp.APP_ID.equals(appId)
                                ? EnumSet.allOf(Permission.class)
                                : EnumSet.copyOf(Permission.withinOneApp()));
        };
    }

    /** The built-in role of this name, empty for a custom role's name or any other string. */
    public static Optional<BuiltInRole> named(String roleName) {
        return Arrays.stream(values())
                .filter(role -> role.roleName.equals(roleName))
                .findFirst();
    }

    /**
     * What an app's API key (an app's backend calling the admin API, server to server) holds within its app. A key
     * has no role, but it is as fixed as one: its {@code admin}'s permissions but {@link Permission#KEYS_WRITE}, so
     * that a leaked key cannot mint the next one; never {@link Permission#APPS_WRITE}.
     */
    public static Set<Permission> apiKeyPermissions() {
        EnumSet<Permission> permissions = EnumSet.copyOf(Permission.withinOneApp());
        permissions.remove(Permission.KEYS_WRITE);
        return Collections.unmodifiableSet(permissions);
    }
}
