package dev.watchword.command.login;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/**
 * The app requires a verified address before login and this one is not verified yet. Only answered after
 * the password matched, so it tells nothing to anyone who does not already hold the account's password.
 */
public class EmailNotVerified extends RuleViolation {

    public EmailNotVerified() {
        super(
                ProblemCode.EMAIL_NOT_VERIFIED,
                "Please confirm your email address first: follow the link we sent, or ask for a new one.");
    }
}
