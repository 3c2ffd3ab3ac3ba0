package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class SameEmail extends RuleViolation {

    public SameEmail() {
        super("SAME_EMAIL", HttpStatus.BAD_REQUEST, "That is already the account's address.");
    }
}
