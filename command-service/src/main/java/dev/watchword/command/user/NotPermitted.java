package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class NotPermitted extends RuleViolation {

    public NotPermitted() {
        super("FORBIDDEN", HttpStatus.FORBIDDEN, "You do not have the permission this needs.");
    }
}
