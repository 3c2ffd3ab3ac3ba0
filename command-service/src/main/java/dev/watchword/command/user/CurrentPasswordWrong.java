package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class CurrentPasswordWrong extends RuleViolation {

    public CurrentPasswordWrong() {
        super("CURRENT_PASSWORD_WRONG", HttpStatus.FORBIDDEN, "The current password is wrong.");
    }
}
