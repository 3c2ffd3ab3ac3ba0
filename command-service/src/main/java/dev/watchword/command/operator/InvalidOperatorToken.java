package dev.watchword.command.operator;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** An operator endpoint was called without the operator token, or with a wrong one. */
public class InvalidOperatorToken extends RuleViolation {

    public InvalidOperatorToken() {
        super(ProblemCode.INVALID_OPERATOR_TOKEN, "This endpoint needs the operator token.");
    }
}
