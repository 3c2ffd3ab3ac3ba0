package dev.watchword.events.user;

public enum PasswordChangeReason {
    /** Through a reset link. */
    RESET,
    /** By the logged-in user, who gave the current password. */
    CHANGE,
    /** Chosen on the page of an email verification link, in the step that proved the mailbox. */
    VERIFICATION
}
