package dev.watchword.query.authorization;

/**
 * The permissions that this service checks (issue 4). Of the built-in roles, {@code user} holds none,
 * {@code admin} holds {@code users:read}, {@code users:write}, {@code roles:write}, {@code settings:write} and
 * {@code audit:read}. Access tokens carry them in the {@code permissions} claim.
 */
public final class Permissions {

    /** The access token claim listing the holder's permissions. */
    public static final String CLAIM = "permissions";

    /** Read accounts, their sessions and their login history. */
    public static final String USERS_READ = "users:read";
    /** Read activity figures and audit data. */
    public static final String AUDIT_READ = "audit:read";
    /**
     * Register client apps and manage their API keys; lets the holder read every app. No built-in role holds
     * it yet: it belongs to platform operators, not to the admin of one app.
     */
    public static final String APPS_WRITE = "apps:write";
    /** Change an app's settings; lets the holder read one app's detail, to see the settings it would change. */
    public static final String SETTINGS_WRITE = "settings:write";

    private Permissions() {
    }
}
