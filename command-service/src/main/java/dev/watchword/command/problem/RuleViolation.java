package dev.watchword.command.problem;

import org.springframework.http.HttpStatus;

/**
 * A broken rule: a stable {@link ProblemCode} (the RFC 9457 {@code code} extension member, which fixes the HTTP
 * status) and a detail in words for the person who reads it. The code survives the trip from command handler to
 * REST; a caller that must tell rules apart compares codes, never classes or messages.
 */
public class RuleViolation extends RuntimeException {

    private final ProblemCode code;

    public RuleViolation(ProblemCode code, String detail) {
        super(detail, null, false, false);
        this.code = code;
    }

    public ProblemCode code() {
        return code;
    }

    public HttpStatus status() {
        return code.status();
    }

    /** Whether this is the broken rule {@code code}. */
    public boolean is(ProblemCode code) {
        return this.code == code;
    }
}
