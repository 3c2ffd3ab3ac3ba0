package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class UnknownRole extends RuleViolation {

    public UnknownRole() {
        super(ProblemCode.UNKNOWN_ROLE, "There is no such role.");
    }
}
