package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** The caller's access token belongs to a session that has ended: the token is no longer good. */
public class SessionEnded extends RuleViolation {

    public SessionEnded() {
        super(ProblemCode.INVALID_TOKEN, "The access token is invalid or has expired.");
    }
}
