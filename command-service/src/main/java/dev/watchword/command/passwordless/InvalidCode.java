package dev.watchword.command.passwordless;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** Wrong, expired, used-up or foreign code: one answer for all. */
public class InvalidCode extends RuleViolation {

    public InvalidCode() {
        super(ProblemCode.INVALID_CODE, "The code is wrong or has expired.");
    }
}
