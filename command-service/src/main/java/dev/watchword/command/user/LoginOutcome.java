package dev.watchword.command.user;

/**
 * The answer to {@link PasswordLoginCommand.Login} and {@link PasswordlessCommand.LoginWithEmailOtp}. A wrong
 * password is an outcome, not an exception: an exception would roll the unit of work back and lose the
 * {@code LoginFailed} event that lockout and audit depend on.
 */
public sealed interface LoginOutcome {

    record Granted(SessionGrant grant) implements LoginOutcome {}

    record Rejected() implements LoginOutcome {}

    /** The password was right, but the app wants a verified address first (recorded as a failure too). */
    record Unverified() implements LoginOutcome {}
}
