package dev.watchword.command.admin;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class UserNotFound extends RuleViolation {

    public UserNotFound() {
        super(ProblemCode.USER_NOT_FOUND, "There is no such user.");
    }
}
