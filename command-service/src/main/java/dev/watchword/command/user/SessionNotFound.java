package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class SessionNotFound extends RuleViolation {

    public SessionNotFound() {
        super("SESSION_NOT_FOUND", HttpStatus.NOT_FOUND, "There is no such live session.");
    }
}
