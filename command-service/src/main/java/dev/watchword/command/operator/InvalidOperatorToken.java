package dev.watchword.command.operator;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** An operator endpoint was called without the operator token, or with a wrong one. */
public class InvalidOperatorToken extends RuleViolation {

    public InvalidOperatorToken() {
        super("INVALID_OPERATOR_TOKEN", HttpStatus.UNAUTHORIZED, "This endpoint needs the operator token.");
    }
}
