package dev.watchword.command.tenant;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** The directory of apps is still reading the log after a start; for a few seconds no app can be resolved. */
public class TenantsStarting extends RuleViolation {

    public TenantsStarting() {
        super("SERVICE_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE, "Please try again shortly.");
    }
}
