package dev.watchword.command.login;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** One generic answer for an unknown address and a wrong password (OWASP ASVS 5.0 V6.3.8). */
public class InvalidCredentials extends RuleViolation {

    public InvalidCredentials() {
        super(ProblemCode.INVALID_CREDENTIALS, "The email address or the password is wrong.");
    }
}
