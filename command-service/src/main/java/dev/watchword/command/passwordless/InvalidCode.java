package dev.watchword.command.passwordless;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** Wrong, expired, used-up or foreign code: one answer for all. */
public class InvalidCode extends RuleViolation {

    public InvalidCode() {
        super("INVALID_CODE", HttpStatus.UNAUTHORIZED, "The code is wrong or has expired.");
    }
}
