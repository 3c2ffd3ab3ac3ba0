package dev.watchword.command.problem;

import org.springframework.http.HttpStatus;

public class InvalidEmailAddress extends RuleViolation {

    public InvalidEmailAddress() {
        super("INVALID_EMAIL", HttpStatus.BAD_REQUEST, "The email address is not valid.");
    }
}
