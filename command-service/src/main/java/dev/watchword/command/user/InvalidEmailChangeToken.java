package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class InvalidEmailChangeToken extends RuleViolation {

    public InvalidEmailChangeToken() {
        super(ProblemCode.INVALID_EMAIL_CHANGE_TOKEN, "This confirmation link is invalid or has expired.");
    }
}
