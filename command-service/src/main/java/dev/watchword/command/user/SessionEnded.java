package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** The caller's access token belongs to a session that has ended: the token is no longer good. */
public class SessionEnded extends RuleViolation {

    public SessionEnded() {
        super("INVALID_TOKEN", HttpStatus.UNAUTHORIZED, "The access token is invalid or has expired.");
    }
}
