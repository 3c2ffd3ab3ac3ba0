package dev.watchword.query.problem;

import org.springframework.http.HttpStatusCode;

/**
 * The stable {@code code} extension of every problem this service answers (RFC 9457 section 3.2). Clients
 * branch on these, never on {@code title} or {@code detail}, so a code is never renamed.
 */
public enum ProblemCode {
    MALFORMED_REQUEST,
    INVALID_TOKEN,
    /** The caller of a client-authenticated endpoint (token introspection) is not a known client. */
    INVALID_CLIENT,
    /**
     * The token is valid but lacks the permission the request needs. The same code as command-service's; it
     * replaced {@code ACCESS_DENIED}, which no endpoint could answer before permissions existed.
     */
    FORBIDDEN,
    NOT_FOUND,
    PROFILE_NOT_FOUND,
    /** No account with this id (admin API). */
    USER_NOT_FOUND,
    /** No client app with this id (admin API). */
    APP_NOT_FOUND,
    // Replays (dev.watchword.query.replay): the operator's rebuilds of a read model.
    /** No read model of that name. */
    PROJECTION_NOT_FOUND,
    /** The read model may not be replayed (side effects, state held in memory, or the log itself). */
    PROJECTION_NOT_REPLAYABLE,
    REPLAY_NOT_FOUND,
    /** The read model already has an unfinished replay. */
    REPLAY_ALREADY_RUNNING,
    /** A switch-over before the shadow reached the head of the log. */
    REPLAY_NOT_CAUGHT_UP,
    /** The replay was already switched over, abandoned or failed. */
    REPLAY_FINISHED,
    /** audit_entry, the replay's source, lacks events this service applied. */
    AUDIT_TRAIL_INCOMPLETE,
    /**
     * A browser request ({@code Origin}) with a token of an app that does not list that origin in its
     * {@code cors_origins}, nor is it in the service-wide list. The same code as command-service's.
     */
    ORIGIN_NOT_ALLOWED,
    /** Too many requests of this caller at once (an audit export while another of theirs runs); with Retry-After. */
    RATE_LIMITED,
    /** The service is busy (every audit export slot taken); with Retry-After. */
    SERVICE_UNAVAILABLE,
    METHOD_NOT_ALLOWED,
    NOT_ACCEPTABLE,
    UNSUPPORTED_MEDIA_TYPE,
    PAYLOAD_TOO_LARGE,
    INTERNAL_ERROR;

    /** The generic code of a status, for errors raised by the framework rather than by a rule of ours. */
    public static ProblemCode forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> INVALID_TOKEN;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status.is4xxClientError() ? MALFORMED_REQUEST : INTERNAL_ERROR;
        };
    }
}
