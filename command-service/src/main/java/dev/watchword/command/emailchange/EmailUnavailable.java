package dev.watchword.command.emailchange;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** The new address was registered by someone else between the request and its confirmation. */
public class EmailUnavailable extends RuleViolation {

    public EmailUnavailable() {
        super("EMAIL_UNAVAILABLE", HttpStatus.CONFLICT, "That address cannot be used for this account any more.");
    }
}
