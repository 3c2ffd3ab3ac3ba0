package dev.watchword.command.problem;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The stable {@code code} extension of every problem this service answers (RFC 9457 section 3.2), each with the
 * HTTP status it is answered with. Clients branch on these, never on {@code title} or {@code detail}, so a code is
 * never renamed; query-service shares the codes both services answer ({@code INVALID_TOKEN}, {@code FORBIDDEN},
 * {@code ORIGIN_NOT_ALLOWED}, ...).
 */
public enum ProblemCode {
    // Answers about the request as a whole or the service's state; the generic code of a status is in GENERIC.
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    /** Bean validation of a request body failed; the problem lists the fields. */
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    /** A body without Content-Length on a path that limits body size (RFC 9110 section 15.5.12). */
    LENGTH_REQUIRED(HttpStatus.LENGTH_REQUIRED),
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    /** Over a rate limit; with Retry-After (RFC 6585 section 4). */
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
    SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    /** Every password hashing slot is taken; with Retry-After. */
    SERVER_BUSY(HttpStatus.SERVICE_UNAVAILABLE),

    // Tokens and clients.
    /** A bearer access token is missing, invalid, expired or revoked (RFC 6750 section 3.1). */
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED),
    INVALID_REFRESH_TOKEN(HttpStatus.UNAUTHORIZED),
    /** A refresh without a token in the body and without cookie mode. */
    REFRESH_TOKEN_MISSING(HttpStatus.BAD_REQUEST),
    /** A client app's backend failed to authenticate (RFC 7009 section 2.1). */
    INVALID_CLIENT(HttpStatus.UNAUTHORIZED),
    INVALID_OPERATOR_TOKEN(HttpStatus.UNAUTHORIZED),
    /** A {@code client_id} that names no app. */
    UNKNOWN_CLIENT(HttpStatus.BAD_REQUEST),
    /** A browser origin the app does not list (OWASP ASVS 5.0 V3.4.2). */
    ORIGIN_NOT_ALLOWED(HttpStatus.FORBIDDEN),
    /** The app does not allow this way of signing in. */
    LOGIN_METHOD_DISABLED(HttpStatus.FORBIDDEN),

    // Accounts and credentials.
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED),
    INVALID_EMAIL(HttpStatus.BAD_REQUEST),
    EMAIL_NOT_VERIFIED(HttpStatus.FORBIDDEN),
    /** The new address of an email change is the current one. */
    SAME_EMAIL(HttpStatus.BAD_REQUEST),
    EMAIL_UNAVAILABLE(HttpStatus.CONFLICT),
    CURRENT_PASSWORD_WRONG(HttpStatus.FORBIDDEN),
    PASSWORD_REQUIRED(HttpStatus.BAD_REQUEST),
    PASSWORD_TOO_SHORT(HttpStatus.BAD_REQUEST),
    PASSWORD_TOO_LONG(HttpStatus.BAD_REQUEST),
    /** Known from breaches or too common (NIST SP 800-63B-4 section 3.1.1.2). */
    PASSWORD_TOO_COMMON(HttpStatus.BAD_REQUEST),
    PASSWORD_CONTAINS_EMAIL(HttpStatus.BAD_REQUEST),
    INVALID_VERIFICATION_TOKEN(HttpStatus.BAD_REQUEST),
    INVALID_RESET_TOKEN(HttpStatus.BAD_REQUEST),
    INVALID_EMAIL_CHANGE_TOKEN(HttpStatus.BAD_REQUEST),
    INVALID_LOGIN_LINK(HttpStatus.UNAUTHORIZED),
    INVALID_CODE(HttpStatus.UNAUTHORIZED),
    /** A sign-in of the last few minutes is needed (OWASP ASVS 5.0 V7.5.1). */
    FRESH_LOGIN_REQUIRED(HttpStatus.FORBIDDEN),

    // Administration.
    USER_NOT_FOUND(HttpStatus.NOT_FOUND),
    SESSION_NOT_FOUND(HttpStatus.NOT_FOUND),
    UNKNOWN_ROLE(HttpStatus.BAD_REQUEST),
    /** Roles changed since the caller read them (optimistic concurrency on the authorization version). */
    ROLES_CHANGED(HttpStatus.CONFLICT),
    ROLE_EXISTS(HttpStatus.CONFLICT),
    APP_NOT_FOUND(HttpStatus.NOT_FOUND),
    API_KEY_NOT_FOUND(HttpStatus.NOT_FOUND),
    API_KEY_NOT_ACTIVE(HttpStatus.CONFLICT),
    LINK_BASE_URL_CHANGE_NOT_PERMITTED(HttpStatus.FORBIDDEN),

    // An app's settings.
    APP_NAME_INVALID(HttpStatus.BAD_REQUEST),
    ROLE_INVALID(HttpStatus.BAD_REQUEST),
    LOGIN_METHODS_INVALID(HttpStatus.BAD_REQUEST),
    ACCESS_TOKEN_MINUTES_OUT_OF_RANGE(HttpStatus.BAD_REQUEST),
    REFRESH_TOKEN_DAYS_OUT_OF_RANGE(HttpStatus.BAD_REQUEST),
    PASSWORD_MIN_LENGTH_OUT_OF_RANGE(HttpStatus.BAD_REQUEST),
    CORS_ORIGIN_INVALID(HttpStatus.BAD_REQUEST),
    LINK_BASE_URL_INVALID(HttpStatus.BAD_REQUEST),
    SENDER_NAME_INVALID(HttpStatus.BAD_REQUEST);

    /**
     * The code of each status that Spring MVC answers by itself (405, 415, unreadable JSON, a refused permission, an
     * unexpected failure, ...), where no rule of ours names a more specific one.
     */
    private static final Set<ProblemCode> GENERIC = EnumSet.of(
            MALFORMED_REQUEST,
            UNAUTHORIZED,
            FORBIDDEN,
            NOT_FOUND,
            METHOD_NOT_ALLOWED,
            NOT_ACCEPTABLE,
            PAYLOAD_TOO_LARGE,
            UNSUPPORTED_MEDIA_TYPE,
            INTERNAL_ERROR,
            SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    ProblemCode(HttpStatus status) {
        this.status = status;
    }

    /** The generic code of an HTTP status, if it has one ({@link #GENERIC}). */
    public static Optional<ProblemCode> ofStatus(int status) {
        return GENERIC.stream().filter(code -> code.status.value() == status).findFirst();
    }

    public HttpStatus status() {
        return status;
    }

    /**
     * The RFC 9457 problem of this code: its status, the status's reason phrase as {@code title}, {@code detail}
     * in words for the person who reads it, and the code as the {@code code} extension member.
     */
    public ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", name());
        return problem;
    }
}
