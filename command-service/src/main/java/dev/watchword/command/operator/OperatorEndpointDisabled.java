package dev.watchword.command.operator;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** Operator endpoints answer as if absent while {@code WATCHWORD_OPERATOR_TOKEN} is unset. */
public class OperatorEndpointDisabled extends RuleViolation {

    public OperatorEndpointDisabled() {
        super(ProblemCode.NOT_FOUND, "No such resource.");
    }
}
