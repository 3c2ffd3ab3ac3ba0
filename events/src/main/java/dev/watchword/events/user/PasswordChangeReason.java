package dev.watchword.events.user;

public enum PasswordChangeReason {
    /** Through a reset link. */
    RESET,
    /** By the logged-in user, who gave the current password. */
    CHANGE
}
