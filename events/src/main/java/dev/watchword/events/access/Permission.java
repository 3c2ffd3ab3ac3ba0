package dev.watchword.events.access;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do on the admin API, once for both services: command-service expands roles into these when it
 * issues an access token ({@code permissions} claim, one {@link #value()} each) and checks them on writes;
 * query-service checks the same strings on reads. {@code RoleDefined} records them by value, so a value, once
 * published, is never renamed or reused.
 * <p>
 * Declaration order is the order of every list shown to people (the built-in roles' permissions, the message that
 * names the permissions a custom role may carry).
 */
public enum Permission {

    /** Read accounts, their sessions and their login history. */
    USERS_READ("users:read"),
    /** Disable, enable and log out accounts (command-service). */
    USERS_WRITE("users:write"),
    /** Assign and revoke roles, define custom roles (command-service); lets the holder read the app's roles. */
    ROLES_WRITE("roles:write"),
    /** Change an app's settings; lets the holder read its app's detail, to see the settings it would change. */
    SETTINGS_WRITE("settings:write"),
    /** Issue, rotate and revoke the app's API keys (command-service); lets the holder read its app's detail. */
    KEYS_WRITE("keys:write"),
    /** Read activity figures and audit data. */
    AUDIT_READ("audit:read"),
    /**
     * Register client apps and act on every app: the platform operator's permission. It makes the holder
     * platform-wide (it reads every app's data, not only its own app's), and counts only for a caller of the
     * default app; only that app's {@code admin} role holds it.
     */
    APPS_WRITE("apps:write");

    private final String value;

    Permission(String value) {
        this.value = value;
    }

    /** The permission as tokens, authorities and the log carry it: {@code users:read}. */
    public String value() {
        return value;
    }

    /** Whether it reaches beyond the holder's own app (only {@link #APPS_WRITE} does). */
    public boolean platformWide() {
        return this == APPS_WRITE;
    }

    /** The permission whose {@link #value()} this is, empty for any other string. */
    public static Optional<Permission> of(String value) {
        return Arrays.stream(values())
                .filter(permission -> permission.value.equals(value))
                .findFirst();
    }

    /**
     * Every permission that reaches no further than its own app: what an app's {@code admin} holds, and all a
     * custom role may carry, so that no role defined in an app makes its holder platform-wide.
     */
    public static Set<Permission> withinOneApp() {
        EnumSet<Permission> permissions = EnumSet.allOf(Permission.class);
        permissions.removeIf(Permission::platformWide);
        return Collections.unmodifiableSet(permissions);
    }
}
