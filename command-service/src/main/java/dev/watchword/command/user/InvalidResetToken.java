package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** Unknown, used, superseded or expired reset link: one answer for all. */
public class InvalidResetToken extends RuleViolation {

    public InvalidResetToken() {
        super("INVALID_RESET_TOKEN", HttpStatus.BAD_REQUEST, "This password reset link is invalid or has expired.");
    }
}
