package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** Unknown, used, superseded or expired sign-in link: one answer for all. */
public class InvalidLoginLink extends RuleViolation {

    public InvalidLoginLink() {
        super("INVALID_LOGIN_LINK", HttpStatus.UNAUTHORIZED, "This sign-in link is invalid or has expired.");
    }
}
