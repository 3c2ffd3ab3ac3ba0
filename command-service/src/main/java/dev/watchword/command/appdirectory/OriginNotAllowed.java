package dev.watchword.command.appdirectory;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/**
 * A browser on an origin that the named app does not list called for that app. The CORS allowlist is the union
 * of every app's origins (a preflight cannot name its app); this check keeps app A's page from acting for app B.
 */
public class OriginNotAllowed extends RuleViolation {

    public OriginNotAllowed() {
        super(ProblemCode.ORIGIN_NOT_ALLOWED, "This app does not accept requests from this web origin.");
    }
}
