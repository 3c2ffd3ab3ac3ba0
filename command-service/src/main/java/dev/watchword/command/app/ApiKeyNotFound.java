package dev.watchword.command.app;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

public class ApiKeyNotFound extends RuleViolation {

    public ApiKeyNotFound() {
        super(ProblemCode.API_KEY_NOT_FOUND, "This app has no such API key.");
    }
}
