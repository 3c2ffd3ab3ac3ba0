package dev.watchword.command.ratelimit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Rate limits per client IP address and per (normalized) email address on the endpoints that cost us mail,
 * hashing or a guess at a secret (OWASP ASVS 5.0 V6.3.1 against credential stuffing and brute force, V2.4.1
 * anti-automation; NIST SP 800-63B-4 section 3.2.2). Each limit is a token bucket: {@code capacity} requests at
 * once, refilled evenly over {@code period}. Any value can be set alone, e.g.
 * {@code WATCHWORD_RATELIMITS_LOGIN_PERIP_CAPACITY=50} or {@code WATCHWORD_RATELIMITS_OTPREQUEST_PEREMAIL_PERIOD=30m};
 * the rest keep their defaults. A changed limit applies at once, with fresh buckets.
 *
 * @param enabled            whether limits apply at all; the default is {@code true}
 * @param failOpen           what happens while the limits' store (PostgreSQL) does not answer: {@code true} lets
 *                           requests through and logs it, {@code false} answers 503; the default is {@code true}
 * @param storeTimeout       how long one check may wait for the store; the default is 2 seconds
 * @param register           the default is 10 per minute per IP, 3 per 15 minutes per email
 * @param login              the default is 20 per minute per IP, 10 per minute per email
 * @param passwordReset      the default is 10 per minute per IP, 3 per 15 minutes per email
 * @param magicLink          the default is 10 per minute per IP, 3 per 15 minutes per email
 * @param otpRequest         the default is 10 per minute per IP, 3 per 15 minutes per email
 * @param otpVerify          the default is 20 per minute per IP, 10 per 15 minutes per email
 * @param verificationResend the default is 10 per minute per IP, 3 per 15 minutes per email
 */
@Validated
@ConfigurationProperties("watchword.rate-limits")
public record RateLimitSettings(@DefaultValue("true") boolean enabled,
                                @DefaultValue("true") boolean failOpen,
                                @DefaultValue("2s") @NotNull Duration storeTimeout,
                                @Valid Limits register,
                                @Valid Limits login,
                                @Valid Limits passwordReset,
                                @Valid Limits magicLink,
                                @Valid Limits otpRequest,
                                @Valid Limits otpVerify,
                                @Valid Limits verificationResend) {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration QUARTER_HOUR = Duration.ofMinutes(15);

    public RateLimitSettings {
        register = Limits.orDefault(register, new Limit(10, MINUTE), new Limit(3, QUARTER_HOUR));
        login = Limits.orDefault(login, new Limit(20, MINUTE), new Limit(10, MINUTE));
        passwordReset = Limits.orDefault(passwordReset, new Limit(10, MINUTE), new Limit(3, QUARTER_HOUR));
        magicLink = Limits.orDefault(magicLink, new Limit(10, MINUTE), new Limit(3, QUARTER_HOUR));
        otpRequest = Limits.orDefault(otpRequest, new Limit(10, MINUTE), new Limit(3, QUARTER_HOUR));
        otpVerify = Limits.orDefault(otpVerify, new Limit(20, MINUTE), new Limit(10, QUARTER_HOUR));
        verificationResend = Limits.orDefault(verificationResend, new Limit(10, MINUTE), new Limit(3, QUARTER_HOUR));
    }

    public Limits of(RateLimitedAction action) {
        return switch (action) {
            case REGISTER -> register;
            case LOGIN -> login;
            case PASSWORD_RESET -> passwordReset;
            case MAGIC_LINK -> magicLink;
            case OTP_REQUEST -> otpRequest;
            case OTP_VERIFY -> otpVerify;
            case VERIFICATION_RESEND -> verificationResend;
        };
    }

    /**
     * @param perIp    per client address (an IPv6 client counts per /64, the block one subscriber gets)
     * @param perEmail per normalized email address, whether or not it has an account
     */
    public record Limits(@Valid Limit perIp, @Valid Limit perEmail) {

        static Limits orDefault(@Nullable Limits configured, Limit perIp, Limit perEmail) {
            return configured == null ? new Limits(perIp, perEmail)
                    : new Limits(Limit.orDefault(configured.perIp, perIp), Limit.orDefault(configured.perEmail, perEmail));
        }
    }

    /**
     * @param capacity requests allowed at once
     * @param period   time in which a used-up bucket refills completely, one request at a time
     */
    public record Limit(@NotNull @Positive Integer capacity, @NotNull Duration period) {

        public Limit {
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("A rate limit's period must be positive, not " + period);
            }
        }

        static Limit orDefault(@Nullable Limit configured, Limit fallback) {
            if (configured == null) {
                return fallback;
            }
            return new Limit(configured.capacity != null ? configured.capacity : fallback.capacity,
                    configured.period != null ? configured.period : fallback.period);
        }
    }
}
