package dev.watchword.command.appdirectory;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/**
 * A browser on an origin that the named app does not list called for that app. The CORS allowlist is the union
 * of every app's origins (a preflight cannot name its app); this check keeps app A's page from acting for app B.
 */
public class OriginNotAllowed extends RuleViolation {

    public OriginNotAllowed() {
        super("ORIGIN_NOT_ALLOWED", HttpStatus.FORBIDDEN, "This app does not accept requests from this web origin.");
    }
}
