package dev.watchword.command.password;

import dev.watchword.command.problem.ProblemCode;
import dev.watchword.command.problem.RuleViolation;
import java.time.Duration;

/** Every password hashing slot stayed taken for the whole wait: try again shortly (RFC 9110 section 15.6.4). */
public class ServerBusy extends RuleViolation {

    private final Duration retryAfter;

    public ServerBusy(Duration retryAfter) {
        super(ProblemCode.SERVER_BUSY, "The server is busy. Please try again shortly.");
        this.retryAfter = retryAfter;
    }

    /** How long the client should wait, in whole seconds, at least 1 (the {@code Retry-After} header). */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
