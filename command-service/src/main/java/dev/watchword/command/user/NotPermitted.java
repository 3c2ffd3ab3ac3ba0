package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class NotPermitted extends RuleViolation {

    public NotPermitted() {
        super(ProblemCode.FORBIDDEN, "You do not have the permission this needs.");
    }
}
