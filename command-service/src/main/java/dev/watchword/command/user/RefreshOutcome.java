package dev.watchword.command.user;

/**
 * The answer to {@link SessionCommand.RefreshSession}. A replayed token is an outcome, not an exception, so that the
 * {@code RefreshTokenReuseDetected} and {@code SessionRevoked} events it causes are kept.
 */
public sealed interface RefreshOutcome {

    record Granted(SessionGrant grant) implements RefreshOutcome {}

    record Rejected() implements RefreshOutcome {}
}
