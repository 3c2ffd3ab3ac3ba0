package dev.watchword.command.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The requests that cost us mail or hashing, or that take a secret an attacker could guess (a password, a code, a
 * token), and so have rate limits: each counts per client address, and some also per the address or account
 * they name ({@link Subject}).
 */
public enum RateLimitedAction {
    REGISTER("register", Subject.EMAIL, "/api/auth/register", "/api/users/register"),
    LOGIN("login", Subject.EMAIL, "/api/auth/login", "/api/users/token"),
    PASSWORD_RESET("password-reset", Subject.EMAIL, "/api/auth/password/reset"),
    PASSWORD_RESET_CONFIRM("password-reset-confirm", Subject.NONE, "/api/auth/password/reset/confirm"),
    PASSWORD_CHANGE("password-change", Subject.CALLER, "/api/auth/password/change"),
    EMAIL_CHANGE("email-change", Subject.CALLER, "/api/auth/email/change"),
    EMAIL_CHANGE_CONFIRM("email-change-confirm", Subject.NONE, "/api/auth/email/change/confirm"),
    MAGIC_LINK("magic-link", Subject.EMAIL, "/api/auth/magic-link"),
    MAGIC_LINK_LOGIN("magic-link-login", Subject.NONE, "/api/auth/magic-link/login"),
    OTP_REQUEST("otp-request", Subject.EMAIL, "/api/auth/otp"),
    OTP_VERIFY("otp-verify", Subject.OTP_REQUEST_OWNER, "/api/auth/otp/verify"),
    VERIFICATION_RESEND("verification-resend", Subject.EMAIL, "/api/auth/verify-email/resend"),
    VERIFY_EMAIL("verify-email", Subject.NONE, "/api/auth/verify-email"),
    REFRESH("refresh", Subject.NONE, "/api/auth/token/refresh", "/api/users/token/refresh"),
    LOGOUT("logout", Subject.NONE, "/api/auth/logout"),
    TOKEN_REVOKE("token-revoke", Subject.NONE, "/api/auth/token/revoke");

    /**
     * What a request is counted against besides its client address. A token-bearing request (refresh, reset
     * confirmation, links) names no one before its token is checked, and a bucket per claimed owner would let
     * anyone use up someone else's: those count per client address only. The tokens are long and random, so a
     * guess is hopeless anyway; the limit keeps the guessing from costing us look-ups and hashing.
     */
    public enum Subject {
        /** The normalized {@code email} field of the JSON body, whether or not it has an account. */
        EMAIL,
        /**
         * The account a sign-in code's {@code request_id} was issued for (sealed, so it cannot be forged), or the
         * request id itself when it is none of ours: guesses spread over many code requests and client addresses
         * still count against one account (NIST SP 800-63B-4 section 3.2.2).
         */
        OTP_REQUEST_OWNER,
        /** The authenticated caller (the access token's subject), for changes to one's own account. */
        CALLER,
        NONE
    }

    private static final Map<String, RateLimitedAction> BY_PATH = Stream.of(values())
            .flatMap(action -> action.paths.stream().map(path -> Map.entry(path, action)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String key;
    private final Subject subject;
    private final List<String> paths;

    RateLimitedAction(String key, Subject subject, String... paths) {
        this.key = key;
        this.subject = subject;
        this.paths = List.of(paths);
    }

    /** The action a POST to this path (decoded, with or without its trailing slash) performs. */
    public static Optional<RateLimitedAction> ofPath(String path) {
        String withoutSlash = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return Optional.ofNullable(BY_PATH.get(withoutSlash));
    }

    /** Short and stable: part of the bucket keys stored in PostgreSQL. */
    public String key() {
        return key;
    }

    public Subject subject() {
        return subject;
    }
}
