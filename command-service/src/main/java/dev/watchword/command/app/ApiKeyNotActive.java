package dev.watchword.command.app;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** Only an active key can be rotated: a retired or revoked one has been replaced already. */
public class ApiKeyNotActive extends RuleViolation {

    public ApiKeyNotActive() {
        super(ProblemCode.API_KEY_NOT_ACTIVE, "This API key is retired or revoked; rotate an active one.");
    }
}
