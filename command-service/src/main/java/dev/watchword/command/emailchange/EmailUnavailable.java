package dev.watchword.command.emailchange;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** The new address was registered by someone else between the request and its confirmation. */
public class EmailUnavailable extends RuleViolation {

    public EmailUnavailable() {
        super(ProblemCode.EMAIL_UNAVAILABLE, "That address cannot be used for this account any more.");
    }
}
