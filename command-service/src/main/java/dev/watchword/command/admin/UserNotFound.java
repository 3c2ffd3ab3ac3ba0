package dev.watchword.command.admin;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class UserNotFound extends RuleViolation {

    public UserNotFound() {
        super("USER_NOT_FOUND", HttpStatus.NOT_FOUND, "There is no such user.");
    }
}
