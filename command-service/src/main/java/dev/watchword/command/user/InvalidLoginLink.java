package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** Unknown, used, superseded or expired sign-in link: one answer for all. */
public class InvalidLoginLink extends RuleViolation {

    public InvalidLoginLink() {
        super(ProblemCode.INVALID_LOGIN_LINK, "This sign-in link is invalid or has expired.");
    }
}
