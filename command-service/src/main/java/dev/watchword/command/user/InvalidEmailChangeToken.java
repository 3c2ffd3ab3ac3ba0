package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class InvalidEmailChangeToken extends RuleViolation {

    public InvalidEmailChangeToken() {
        super("INVALID_EMAIL_CHANGE_TOKEN", HttpStatus.BAD_REQUEST,
                "This confirmation link is invalid or has expired.");
    }
}
