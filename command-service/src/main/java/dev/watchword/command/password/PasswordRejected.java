package dev.watchword.command.password;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/**
 * A new password that {@link PasswordPolicy} refuses; the {@code code} says which rule it broke, so a client can
 * explain it without parsing text.
 */
public class PasswordRejected extends RuleViolation {

    private PasswordRejected(ProblemCode code, String detail) {
        super(code, detail);
    }

    public static PasswordRejected missing() {
        return new PasswordRejected(ProblemCode.PASSWORD_REQUIRED, "A password is required.");
    }

    static PasswordRejected tooShort(int minLength) {
        return new PasswordRejected(
                ProblemCode.PASSWORD_TOO_SHORT, "The password must have at least " + minLength + " characters.");
    }

    static PasswordRejected tooLong(int maxLength) {
        return new PasswordRejected(
                ProblemCode.PASSWORD_TOO_LONG, "The password must have at most " + maxLength + " characters.");
    }

    static PasswordRejected tooCommon() {
        return new PasswordRejected(
                ProblemCode.PASSWORD_TOO_COMMON,
                "This password is too common or known from data breaches; choose another one.");
    }

    static PasswordRejected containsEmail() {
        return new PasswordRejected(
                ProblemCode.PASSWORD_CONTAINS_EMAIL, "The password must not contain your email address.");
    }
}
