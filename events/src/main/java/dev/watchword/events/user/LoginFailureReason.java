package dev.watchword.events.user;

public enum LoginFailureReason {
    WRONG_PASSWORD,
    /** Refused without counting: this address is waiting out a lockout, or password login is blocked. */
    LOCKED,
    /** The account is disabled. */
    DISABLED
}
