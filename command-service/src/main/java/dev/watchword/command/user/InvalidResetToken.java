package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** Unknown, used, superseded or expired reset link: one answer for all. */
public class InvalidResetToken extends RuleViolation {

    public InvalidResetToken() {
        super(ProblemCode.INVALID_RESET_TOKEN, "This password reset link is invalid or has expired.");
    }
}
