package dev.watchword.command.operator;

import dev.watchword.command.problem.ProblemResponses;
import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** Operator endpoints answer as if absent while {@code WATCHWORD_OPERATOR_TOKEN} is unset. */
public class OperatorEndpointDisabled extends RuleViolation {

    public OperatorEndpointDisabled() {
        super(ProblemResponses.codeFor(404), HttpStatus.NOT_FOUND, "No such resource.");
    }
}
