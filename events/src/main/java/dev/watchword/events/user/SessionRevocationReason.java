package dev.watchword.events.user;

public enum SessionRevocationReason {
    /** The user logged out of this session. */
    LOGOUT,
    /** The user logged out everywhere. */
    LOGOUT_EVERYWHERE,
    /** The user ended this session from the list of sessions. */
    REVOKED_BY_USER,
    /** A client app revoked the refresh token (RFC 7009). */
    TOKEN_REVOKED,
    /** The password was reset: every session ends. */
    PASSWORD_RESET,
    /** The user changed the password and chose to end the other sessions. */
    PASSWORD_CHANGED,
    /** A rotated refresh token was used again. */
    REFRESH_TOKEN_REUSE,
    /** An admin disabled the account. */
    USER_DISABLED,
    /** An admin signed the user out everywhere. */
    FORCED_LOGOUT,
    /** The account was deleted (and its personal data erased). */
    USER_ERASED,
    /** The session gave a wrong current password as often as the lockout threshold: a stolen token guessing. */
    CURRENT_PASSWORD_FAILURES,
    /**
     * The mailbox was proven for the first time: sessions started before may belong to whoever registered the
     * address first (pre-account takeover, OWASP ASVS 5.0 V6.4).
     */
    EMAIL_VERIFIED,
    /** An admin ended this one session of the user; the user's other sessions go on. */
    REVOKED_BY_ADMIN
}
