package dev.watchword.command.user;

/**
 * The answer to a command that asks for the current password ({@link PasswordCommand.ChangePassword},
 * {@link EmailChangeCommand.RequestEmailChange}). A wrong password is an outcome, not an exception: an exception
 * would roll back the {@code CurrentPasswordCheckFailed} event (and the session's end) that the count of guesses
 * depends on.
 */
public enum CurrentPasswordOutcome {
    /** The password matched and the change was made (or, for a taken address, deliberately not made). */
    ACCEPTED,
    /** Wrong, or the caller's address is waiting out a lockout; recorded. */
    WRONG,
    /** Wrong once too often: the caller's session has ended with it. */
    SESSION_ENDED;

    /**
     * For the controller, once the outcome is committed: nothing when accepted, else the answer, 403
     * {@code CURRENT_PASSWORD_WRONG} or 401 {@code INVALID_TOKEN} (the session just ended).
     */
    public void requireAccepted() {
        switch (this) {
            case ACCEPTED -> {}
            case WRONG -> throw UserRuleViolation.currentPasswordWrong();
            case SESSION_ENDED -> throw UserRuleViolation.sessionEnded();
        }
    }
}
