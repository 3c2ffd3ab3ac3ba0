package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class SessionNotFound extends RuleViolation {

    public SessionNotFound() {
        super(ProblemCode.SESSION_NOT_FOUND, "There is no such live session.");
    }
}
