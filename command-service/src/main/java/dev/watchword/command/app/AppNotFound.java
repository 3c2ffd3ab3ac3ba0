package dev.watchword.command.app;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class AppNotFound extends RuleViolation {

    public AppNotFound() {
        super(ProblemCode.APP_NOT_FOUND, "There is no such app.");
    }
}
