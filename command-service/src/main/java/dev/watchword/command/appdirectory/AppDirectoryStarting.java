package dev.watchword.command.appdirectory;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;

/** The directory of apps is still reading the log after a start; for a few seconds no app can be resolved. */
public class AppDirectoryStarting extends RuleViolation {

    public AppDirectoryStarting() {
        super(ProblemCode.SERVICE_UNAVAILABLE, "Please try again shortly.");
    }
}
