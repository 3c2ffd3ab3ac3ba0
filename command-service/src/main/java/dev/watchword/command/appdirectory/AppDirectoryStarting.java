package dev.watchword.command.appdirectory;

import dev.watchword.command.problem.RuleViolation;
import org.springframework.http.HttpStatus;

/** The directory of apps is still reading the log after a start; for a few seconds no app can be resolved. */
public class AppDirectoryStarting extends RuleViolation {

    public AppDirectoryStarting() {
        super("SERVICE_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE, "Please try again shortly.");
    }
}
