package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** Unknown, rotated, revoked or expired refresh token: one answer for all. */
public class InvalidRefreshToken extends RuleViolation {

    public InvalidRefreshToken() {
        super(ProblemCode.INVALID_REFRESH_TOKEN, "The refresh token is invalid or has expired.");
    }
}
