package dev.watchword.command.problem;

import org.springframework.http.HttpStatus;

/**
 * A broken rule with a stable {@code code} (RFC 9457 extension member) and the HTTP status it maps to. One
 * subclass per rule; the code survives the trip from command handler to REST.
 */
public abstract class RuleViolation extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    protected RuleViolation(String code, HttpStatus status, String detail) {
        super(detail, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
