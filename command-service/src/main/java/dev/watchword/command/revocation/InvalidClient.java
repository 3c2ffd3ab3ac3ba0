package dev.watchword.command.revocation;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class InvalidClient extends RuleViolation {

    public InvalidClient() {
        super(ProblemCode.INVALID_CLIENT, "Client authentication failed.");
    }
}
