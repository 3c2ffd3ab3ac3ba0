package dev.watchword.command.appdirectory;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class LoginMethodDisabled extends RuleViolation {

    public LoginMethodDisabled() {
        super("LOGIN_METHOD_DISABLED", HttpStatus.FORBIDDEN, "This way of signing in is switched off.");
    }
}
