package dev.watchword.command.app;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class AppNotFound extends RuleViolation {

    public AppNotFound() {
        super("APP_NOT_FOUND", HttpStatus.NOT_FOUND, "There is no such app.");
    }
}
