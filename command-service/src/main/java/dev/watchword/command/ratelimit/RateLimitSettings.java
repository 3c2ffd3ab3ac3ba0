package dev.watchword.command.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

/**
 * Rate limits per client IP address, and per (normalized) email address or per account where a request names one,
 * on every endpoint that costs us mail or hashing or takes a secret (OWASP ASVS 5.0 V6.3.1 against credential
 * stuffing and brute force, V2.4.1 anti-automation; NIST SP 800-63B-4 section 3.2.2). Each limit is a token
 * bucket: {@code capacity} requests at once, refilled evenly over {@code period}. Any value can be set alone, e.g.
 * {@code WATCHWORD_RATELIMITS_LOGIN_PERIP_CAPACITY=50} or {@code WATCHWORD_RATELIMITS_OTPREQUEST_PEREMAIL_PERIOD=30m};
 * the rest keep their defaults. A changed limit applies at once, with fresh buckets.
 *
 * @param enabled              whether limits apply at all; the default is {@code true}
 * @param onStoreFailure       what happens while the limits' store (PostgreSQL) does not answer within
 *                             {@code storeTimeout} (down, or its bucket rows locked): {@code in-memory} counts on
 *                             in this instance's memory with the same limits, {@code refuse} answers 503; the
 *                             default is {@code in-memory}. Limits never switch off because the store fails.
 * @param storeTimeout         how long one check may wait for the store; the default is 2 seconds
 * @param register             the default is 10 per minute per IP, 3 per 15 minutes per email
 * @param login                the default is 20 per minute per IP, 10 per minute per email
 * @param passwordReset        the default is 10 per minute per IP, 3 per 15 minutes per email
 * @param passwordResetConfirm the default is 10 per minute per IP
 * @param passwordChange       the default is 10 per minute per IP, 5 per 15 minutes per account
 * @param emailChange          the default is 10 per minute per IP, 3 per 15 minutes per account
 * @param emailChangeConfirm   the default is 10 per minute per IP
 * @param magicLink            the default is 10 per minute per IP, 3 per 15 minutes per email
 * @param magicLinkLogin       the default is 20 per minute per IP
 * @param otpRequest           the default is 10 per minute per IP, 3 per 15 minutes per email
 * @param otpVerify            the default is 20 per minute per IP, 10 per 15 minutes per account
 * @param verificationResend   the default is 10 per minute per IP, 3 per 15 minutes per email
 * @param verifyEmail          the default is 20 per minute per IP
 * @param refresh              the default is 60 per minute per IP
 * @param logout               the default is 60 per minute per IP
 * @param tokenRevoke          the default is 120 per minute per IP (client app backends revoke for many users)
 */
@Validated
@ConfigurationProperties("watchword.rate-limits")
public record RateLimitSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("in-memory") @NotNull StoreFailure onStoreFailure,
        @DefaultValue("2s") @NotNull Duration storeTimeout,
        @Valid Limits register,
        @Valid Limits login,
        @Valid Limits passwordReset,
        @Valid Limits passwordResetConfirm,
        @Valid Limits passwordChange,
        @Valid Limits emailChange,
        @Valid Limits emailChangeConfirm,
        @Valid Limits magicLink,
        @Valid Limits magicLinkLogin,
        @Valid Limits otpRequest,
        @Valid Limits otpVerify,
        @Valid Limits verificationResend,
        @Valid Limits verifyEmail,
        @Valid Limits refresh,
        @Valid Limits logout,
        @Valid Limits tokenRevoke) {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    /** What a rate limit check does while PostgreSQL does not answer. */
    public enum StoreFailure {
        /** Count in this instance's memory: each instance applies the limits on its own until the store is back. */
        IN_MEMORY,
        /** Answer 503 {@code SERVICE_UNAVAILABLE}: nothing gets through unlimited, and nothing at all gets through. */
        REFUSE
    }

    public RateLimitSettings {
        register = Limits.orDefault(register, new Limit(10, MINUTE), new Limit(3, QUARTER_HOUR), null);
        login = Limits.orDefault(login, new Limit(20, MINUTE), new Limit(10, MINUTE), null);
        passwordReset = Limits.orDefault(passwordReset, new Limit(10, MINUTE), new Limit(3, QUARTER_HOUR), null);
        passwordResetConfirm = Limits.orDefault(passwordResetConfirm, new Limit(10, MINUTE), null, null);
        passwordChange = Limits.orDefault(passwordChange, new Limit(10, MINUTE), null, new Limit(5, QUARTER_HOUR));
        emailChange = Limits.orDefault(emailChange, new Limit(10, MINUTE), null, new Limit(3, QUARTER_HOUR));
        emailChangeConfirm = Limits.orDefault(emailChangeConfirm, new Limit(10, MINUTE), null, null);
        magicLink = Limits.orDefault(magicLink, new Limit(10, MINUTE), new Limit(3, QUARTER_HOUR), null);
        magicLinkLogin = Limits.orDefault(magicLinkLogin, new Limit(20, MINUTE), null, null);
        otpRequest = Limits.orDefault(otpRequest, new Limit(10, MINUTE), new Limit(3, QUARTER_HOUR), null);
        otpVerify = Limits.orDefault(otpVerify, new Limit(20, MINUTE), null, new Limit(10, QUARTER_HOUR));
        verificationResend =
                Limits.orDefault(verificationResend, new Limit(10, MINUTE), new Limit(3, QUARTER_HOUR), null);
        verifyEmail = Limits.orDefault(verifyEmail, new Limit(20, MINUTE), null, null);
        refresh = Limits.orDefault(refresh, new Limit(60, MINUTE), null, null);
        logout = Limits.orDefault(logout, new Limit(60, MINUTE), null, null);
        tokenRevoke = Limits.orDefault(tokenRevoke, new Limit(120, MINUTE), null, null);
    }

    public Limits of(RateLimitedAction action) {
        return switch (action) {
            case REGISTER -> register;
            case LOGIN -> login;
            case PASSWORD_RESET -> passwordReset;
            case PASSWORD_RESET_CONFIRM -> passwordResetConfirm;
            case PASSWORD_CHANGE -> passwordChange;
            case EMAIL_CHANGE -> emailChange;
            case EMAIL_CHANGE_CONFIRM -> emailChangeConfirm;
            case MAGIC_LINK -> magicLink;
            case MAGIC_LINK_LOGIN -> magicLinkLogin;
            case OTP_REQUEST -> otpRequest;
            case OTP_VERIFY -> otpVerify;
            case VERIFICATION_RESEND -> verificationResend;
            case VERIFY_EMAIL -> verifyEmail;
            case REFRESH -> refresh;
            case LOGOUT -> logout;
            case TOKEN_REVOKE -> tokenRevoke;
        };
    }

    /**
     * @param perIp      per client address (an IPv6 client counts per /64, the block one subscriber gets)
     * @param perEmail   per normalized email address, whether or not it has an account; only where a request
     *                   names one ({@link RateLimitedAction.Subject#EMAIL}), else {@code null}
     * @param perAccount per account a request acts on or signs in to; only where a request names one, else
     *                   {@code null}
     */
    public record Limits(
            @Valid Limit perIp,
            @Valid @Nullable Limit perEmail,
            @Valid @Nullable Limit perAccount) {

        static Limits orDefault(
                @Nullable Limits configured, Limit perIp, @Nullable Limit perEmail, @Nullable Limit perAccount) {
            return configured == null
                    ? new Limits(perIp, perEmail, perAccount)
                    : new Limits(
                            Limit.orDefault(configured.perIp, perIp),
                            Limit.orDefault(configured.perEmail, perEmail),
                            Limit.orDefault(configured.perAccount, perAccount));
        }

        /** The limit of the subject a request of {@code action} names besides its client address, if any. */
        @Nullable
        Limit perSubject(RateLimitedAction action) {
            return switch (action.subject()) {
                case EMAIL -> perEmail;
                case OTP_REQUEST_OWNER, CALLER -> perAccount;
                case NONE -> null;
            };
        }
    }

    /**
     * @param capacity requests allowed at once
     * @param period   time in which a used-up bucket refills completely, one request at a time
     */
    public record Limit(
            @NotNull @Positive Integer capacity, @NotNull Duration period) {

        public Limit {
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("A rate limit's period must be positive, not " + period);
            }
        }

        /**
         * A partly configured limit takes the rest from {@code fallback}. Without a fallback the action does not
         * count that way (a per-email limit of an action that names no email), and a configured value is ignored.
         */
        @Nullable
        static Limit orDefault(@Nullable Limit configured, @Nullable Limit fallback) {
            if (configured == null || fallback == null) {
                return fallback;
            }
            return new Limit(
                    configured.capacity != null ? configured.capacity : fallback.capacity,
                    configured.period != null ? configured.period : fallback.period);
        }
    }
}
