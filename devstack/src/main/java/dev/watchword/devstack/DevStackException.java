package dev.watchword.devstack;

/** The dev stack could not start; the message says what to do about it. */
public class DevStackException extends RuntimeException {

    public DevStackException(String message) {
        super(message);
    }

    public DevStackException(String message, Throwable cause) {
        super(message, cause);
    }
}
