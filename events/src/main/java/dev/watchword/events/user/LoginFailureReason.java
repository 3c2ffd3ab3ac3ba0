package dev.watchword.events.user;

public enum LoginFailureReason {
    WRONG_PASSWORD,
    /** Refused without counting: this address is waiting out a lockout, or password login is blocked. */
    LOCKED,
    /** The account is disabled. */
    DISABLED,
    /** The password was right, but the app requires a verified address first and this one is not. */
    EMAIL_NOT_VERIFIED
}
