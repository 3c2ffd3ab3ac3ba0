package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** The link is unknown, already used, superseded by a newer one or expired: one answer for all four. */
public class InvalidVerificationToken extends RuleViolation {

    public InvalidVerificationToken() {
        super("INVALID_VERIFICATION_TOKEN", HttpStatus.BAD_REQUEST,
                "This verification link is invalid or has expired. Ask for a new one.");
    }
}
