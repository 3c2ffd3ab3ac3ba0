package dev.watchword.command.user;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** The link is unknown, already used, superseded by a newer one or expired: one answer for all four. */
public class InvalidVerificationToken extends RuleViolation {

    public InvalidVerificationToken() {
        super(ProblemCode.INVALID_VERIFICATION_TOKEN, "This verification link is invalid or has expired. Ask for a new one.");
    }
}
