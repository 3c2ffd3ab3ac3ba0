package dev.watchword.command.app;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** The app already has a role of that name; roles are never redefined, so a token's roles keep their meaning. */
public class RoleExists extends RuleViolation {

    public RoleExists() {
        super(ProblemCode.ROLE_EXISTS, "The app already has a role of that name.");
    }
}
