package dev.watchword.command.user;

/**
 * The answer to a command that asks for the current password ({@link ChangePassword}, {@link RequestEmailChange}).
 * A wrong password is an outcome, not an exception: an exception would roll back the
 * {@code CurrentPasswordCheckFailed} event (and the session's end) that the count of guesses depends on.
 */
public enum CurrentPasswordOutcome {
    /** The password matched and the change was made (or, for a taken address, deliberately not made). */
    ACCEPTED,
    /** Wrong, or the caller's address is waiting out a lockout; recorded. */
    WRONG,
    /** Wrong once too often: the caller's session has ended with it. */
    SESSION_ENDED
}
