package dev.watchword.command.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.watchword.command.ratelimit.RateLimitSettings.Limit;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one request from the client address's bucket of an action and then from the bucket of the email address
 * or account the request names, if any. The buckets live in PostgreSQL (Bucket4j's {@code SELECT ... FOR UPDATE}
 * proxy manager), so every instance of command-service counts against the same limits. Nothing here looks at
 * whether an account exists: an address without one is limited exactly like an address with one, so a limited
 * answer tells nothing about existence (OWASP ASVS 5.0 V6.3.8).
 * <p>
 * While PostgreSQL does not answer (down, or the bucket rows locked past {@code store-timeout}) the limits do not
 * switch off (OWASP ASVS 5.0 V16.5.3, fail securely): by default each instance counts in its own memory with the
 * same limits, or, configured so, refuses with 503.
 */
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    /**
     * Bounds the memory of the fallback: past this many buckets the least recently used ones go. An attacker would
     * need this many client addresses at once to win back a bucket, and then has them anyway.
     */
    private static final long MAX_LOCAL_BUCKETS = 100_000;

    private final ProxyManager<String> buckets;
    private final RateLimitSettings settings;
    private final Cache<String, Bucket> localBuckets;

    public RateLimiter(ProxyManager<String> buckets, RateLimitSettings settings) {
        this.buckets = buckets;
        this.settings = settings;
        // A bucket untouched for a day has refilled under any sane limit.
        this.localBuckets = Caffeine.newBuilder()
                .maximumSize(MAX_LOCAL_BUCKETS)
                .expireAfterAccess(Duration.ofDays(1))
                .build();
    }

    /**
     * @param subject what the request names besides its client address, as {@link RateLimitedAction#subject()}
     *                says (a normalized email address, a user id, a request id), if anything
     * @return empty when the request may go on; else how long the client should wait
     * @throws RateLimitStoreUnavailable when PostgreSQL does not answer and the limits are set to refuse then
     */
    public Optional<Duration> consume(RateLimitedAction action, String clientAddress, Optional<String> subject) {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        RateLimitSettings.Limits limits = settings.of(action);
        Optional<Duration> wait = tryConsume(action, action.key() + ":ip:" + addressKey(clientAddress), limits.perIp());
        Limit perSubject = limits.perSubject(action);
        if (wait.isPresent() || subject.isEmpty() || perSubject == null) {
            return wait;
        }
        // Hashed, so that the table holds no email addresses.
        String kind = action.subject() == RateLimitedAction.Subject.EMAIL ? ":email:" : ":account:";
        return tryConsume(action, action.key() + kind + sha256(subject.get()), perSubject);
    }

    /**
     * A stored bucket keeps the configuration it was created with, so the limit is part of the key: a changed limit
     * starts fresh buckets at once (the old rows expire), and instances with different limits never share one.
     */
    private Optional<Duration> tryConsume(RateLimitedAction action, String key, Limit limit) {
        String keyWithLimit = key + "@" + limit.capacity() + "/" + limit.period();
        ConsumptionProbe probe;
        try {
            probe = buckets.getProxy(keyWithLimit, () -> configurationOf(limit)).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException storeFailed) {
            if (settings.onStoreFailure() == RateLimitSettings.StoreFailure.REFUSE) {
                log.error("Rate limit store unavailable; refusing {}", action.key(), storeFailed);
                throw new RateLimitStoreUnavailable(storeFailed);
            }
            log.warn(
                    "Rate limit store unavailable; counting {} in this instance's memory: {}",
                    action.key(),
                    storeFailed.toString());
            probe = localBuckets
                    .get(
                            keyWithLimit,
                            unused -> Bucket.builder()
                                    .addLimit(bandwidth -> bandwidth
                                            .capacity(limit.capacity())
                                            .refillGreedy(limit.capacity(), limit.period()))
                                    .build())
                    .tryConsumeAndReturnRemaining(1);
        }
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    static BucketConfiguration configurationOf(Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
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
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
