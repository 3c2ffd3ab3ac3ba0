package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/**
 * The token predates a change of the user's roles or status: it is refused where permissions matter, so a
 * demoted admin loses admin power at once. A refreshed token carries the current version.
 */
public class StaleAuthorization extends RuleViolation {

    public StaleAuthorization() {
        super(ProblemCode.INVALID_TOKEN, "The access token is out of date. Refresh it.");
    }
}
