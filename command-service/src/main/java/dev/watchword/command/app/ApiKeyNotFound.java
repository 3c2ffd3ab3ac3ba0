package dev.watchword.command.app;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class ApiKeyNotFound extends RuleViolation {

    public ApiKeyNotFound() {
        super("API_KEY_NOT_FOUND", HttpStatus.NOT_FOUND, "This app has no such API key.");
    }
}
