package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class CurrentPasswordWrong extends RuleViolation {

    public CurrentPasswordWrong() {
        super(ProblemCode.CURRENT_PASSWORD_WRONG, "The current password is wrong.");
    }
}
