package dev.watchword.command.login;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** One generic answer for an unknown address and a wrong password (OWASP ASVS 5.0 V6.3.8). */
public class InvalidCredentials extends RuleViolation {

    public InvalidCredentials() {
        super("INVALID_CREDENTIALS", HttpStatus.UNAUTHORIZED, "The email address or the password is wrong.");
    }
}
