package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class UnknownRole extends RuleViolation {

    public UnknownRole() {
        super("UNKNOWN_ROLE", HttpStatus.BAD_REQUEST, "There is no such role.");
    }
}
