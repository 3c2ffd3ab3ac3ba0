package dev.watchword.query.authorization;

import java.util.List;

/**
 * The permissions of the admin API. Access tokens carry them in the {@code permissions} claim. Of the
 * built-in roles, {@code user} holds none and {@code admin} holds {@link #ADMIN_OF_DEFAULT_APP} in the default
 * app (the platform operator) and {@link #ADMIN_OF_APP} in any other app.
 */
public final class Permissions {

    /** The access token claim listing the holder's permissions. */
    public static final String CLAIM = "permissions";

    /** Read accounts, their sessions and their login history. */
    public static final String USERS_READ = "users:read";
    /** Disable, enable and log out accounts (command-service). */
    public static final String USERS_WRITE = "users:write";
    /** Assign and revoke roles, define custom roles (command-service); lets the holder read the app's roles. */
    public static final String ROLES_WRITE = "roles:write";
    /** Read activity figures and audit data. */
    public static final String AUDIT_READ = "audit:read";
    /**
     * Register client apps and manage their API keys. Makes the holder platform-wide: it reads every app's data,
     * not only its own app's. Only the default app's {@code admin} role holds it.
     */
    public static final String APPS_WRITE = "apps:write";
    /** Change an app's settings; lets the holder read its app's detail, to see the settings it would change. */
    public static final String SETTINGS_WRITE = "settings:write";
    /** Issue, rotate and revoke the app's API keys (command-service); lets the holder read its app's detail. */
    public static final String KEYS_WRITE = "keys:write";

    /** The built-in {@code admin} role of any app but the default one. */
    public static final List<String> ADMIN_OF_APP = List.of(USERS_READ, USERS_WRITE, ROLES_WRITE, SETTINGS_WRITE,
            KEYS_WRITE, AUDIT_READ);
    /** The built-in {@code admin} role of the default app: the platform operator. */
    public static final List<String> ADMIN_OF_DEFAULT_APP = List.of(USERS_READ, USERS_WRITE, ROLES_WRITE,
            SETTINGS_WRITE, KEYS_WRITE, AUDIT_READ, APPS_WRITE);
    /** What an app's API key holds within its app: its admin's permissions but managing keys. */
    public static final List<String> API_KEY = List.of(USERS_READ, USERS_WRITE, ROLES_WRITE, SETTINGS_WRITE,
            AUDIT_READ);

    private Permissions() {
    }
}
