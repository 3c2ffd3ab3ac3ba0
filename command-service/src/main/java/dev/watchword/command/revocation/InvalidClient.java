package dev.watchword.command.revocation;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

public class InvalidClient extends RuleViolation {

    public InvalidClient() {
        super("INVALID_CLIENT", HttpStatus.UNAUTHORIZED, "Client authentication failed.");
    }
}
