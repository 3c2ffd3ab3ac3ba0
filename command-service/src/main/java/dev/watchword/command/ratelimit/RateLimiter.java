package dev.watchword.command.ratelimit;

import dev.watchword.command.ratelimit.RateLimitSettings.Limit;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Takes one request from the client address's bucket and then from the email address's bucket of an action.
 * The buckets live in PostgreSQL (Bucket4j's {@code SELECT ... FOR UPDATE} proxy manager), so every instance of
 * command-service counts against the same limits. Nothing here looks at accounts: an address without one is
 * limited exactly like an address with one, so a limited answer tells nothing about existence (OWASP ASVS 5.0
 * V6.3.8).
 */
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final ProxyManager<String> buckets;
    private final RateLimitSettings settings;

    public RateLimiter(ProxyManager<String> buckets, RateLimitSettings settings) {
        this.buckets = buckets;
        this.settings = settings;
    }

    /**
     * @param normalizedEmail the address the request names, in {@code EmailAddress.normalize} form, if any
     * @return empty when the request may go on; else how long the client should wait
     * @throws RateLimitStoreUnavailable when PostgreSQL does not answer and the limits fail closed
     */
    public Optional<Duration> consume(RateLimitedAction action, String clientAddress, Optional<String> normalizedEmail) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        RateLimitSettings.Limits limits = settings.of(action);
        try {
            Optional<Duration> wait = tryConsume(action.key() + ":ip:" + addressKey(clientAddress), limits.perIp());
            if (wait.isPresent() || normalizedEmail.isEmpty()) {
                return wait;
            }
            // Hashed, so that the table holds no email addresses.
            return tryConsume(action.key() + ":email:" + sha256(normalizedEmail.get()), limits.perEmail());
        } catch (RuntimeException storeFailed) {
            if (!settings.failOpen()) {
                log.error("Rate limit store unavailable; refusing {} (fail closed)", action.key(), storeFailed);
                throw new RateLimitStoreUnavailable(storeFailed);
            }
            // Fail open: availability of sign-in matters more than a few minutes without limits, and the same
            // PostgreSQL holds the event store, so most of these requests fail at their command anyway.
            log.warn("Rate limit store unavailable; letting {} through unlimited (fail open): {}", action.key(),
                    storeFailed.toString());
            return Optional.empty();
        }
    }

    /**
     * A stored bucket keeps the configuration it was created with, so the limit is part of the key: a changed limit
     * starts fresh buckets at once (the old rows expire), and instances with different limits never share one.
     */
    private Optional<Duration> tryConsume(String key, Limit limit) {
        String keyWithLimit = key + "@" + limit.capacity() + "/" + limit.period();
        ConsumptionProbe probe = buckets.getProxy(keyWithLimit, () -> configurationOf(limit))
                .tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    static BucketConfiguration configurationOf(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build();
    }

    /**
     * An IPv4 address as is; an IPv6 address by its /64, the smallest block a subscriber is given (RFC 6177), so
     * that hopping between the 2^64 addresses of one's own network buys no extra attempts.
     */
    static String addressKey(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return String.valueOf(address);
        }
        try {
            String withoutZone = address.contains("%") ? address.substring(0, address.indexOf('%')) : address;
            byte[] bytes = InetAddress.getByName(withoutZone).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
