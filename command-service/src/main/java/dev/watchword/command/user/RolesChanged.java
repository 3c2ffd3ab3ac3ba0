package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** Someone else changed this user's roles first (concurrent edits, one wins, the other gets 409). */
public class RolesChanged extends RuleViolation {

    public RolesChanged() {
        super(ProblemCode.ROLES_CHANGED, "The user's roles changed meanwhile. Reload and try again.");
    }
}
