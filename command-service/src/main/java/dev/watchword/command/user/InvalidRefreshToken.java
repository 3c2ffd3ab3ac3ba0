package dev.watchword.command.user;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** Unknown, rotated, revoked or expired refresh token: one answer for all. */
public class InvalidRefreshToken extends RuleViolation {

    public InvalidRefreshToken() {
        super("INVALID_REFRESH_TOKEN", HttpStatus.UNAUTHORIZED, "The refresh token is invalid or has expired.");
    }
}
