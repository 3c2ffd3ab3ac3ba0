package dev.watchword.command.appdirectory;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** The request names a client id that no app has (or two different ones, in the body and the header). */
public class UnknownClient extends RuleViolation {

    public UnknownClient() {
        super("UNKNOWN_CLIENT", HttpStatus.BAD_REQUEST, "The client_id names no registered app.");
    }
}
