package dev.watchword.command.appdirectory;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** The request names a client id that no app has (or two different ones, in the body and the header). */
public class UnknownClient extends RuleViolation {

    public UnknownClient() {
        super(ProblemCode.UNKNOWN_CLIENT, "The client_id names no registered app.");
    }
}
