package dev.watchword.query.authorization;

/**
 * The permissions of the built-in roles that this service checks (issue 4): {@code user} holds none,
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

    private Permissions() {
    }
}
