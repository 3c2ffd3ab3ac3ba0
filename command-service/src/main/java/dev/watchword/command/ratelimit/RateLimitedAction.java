package dev.watchword.command.ratelimit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The requests that cost us mail, hashing or a guess at a secret, and so have rate limits (Watchword issue 3). */
public enum RateLimitedAction {

    REGISTER("register", "/api/auth/register", "/api/users/register"),
    LOGIN("login", "/api/auth/login", "/api/users/token"),
    PASSWORD_RESET("password-reset", "/api/auth/password/reset"),
    MAGIC_LINK("magic-link", "/api/auth/magic-link"),
    OTP_REQUEST("otp-request", "/api/auth/otp"),
    OTP_VERIFY("otp-verify", "/api/auth/otp/verify"),
    VERIFICATION_RESEND("verification-resend", "/api/auth/verify-email/resend");

    private static final Map<String, RateLimitedAction> BY_PATH = Stream.of(values())
            .flatMap(action -> action.paths.stream().map(path -> Map.entry(path, action)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private final String key;
    private final List<String> paths;

    RateLimitedAction(String key, String... paths) {
        this.key = key;
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
}
