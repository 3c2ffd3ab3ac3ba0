package dev.watchword.query.security;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.RemoteKeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The issuer's signing keys, downloaded from its pre-configured JWK set URI and held for {@link #MAX_AGE}.
 * <p>
 * A token naming a {@code kid} the held set lacks may be signed by a key published since the last download, so the
 * set is downloaded again, but at most once per {@code minRefreshInterval}, however many such tokens arrive: a burst
 * of tokens with made-up key ids must not turn each request into a download from the issuer (OWASP ASVS 5.0 V9.1.3
 * trusts only the configured key source; V2.4.1 anti-automation, RFC 8725 section 3.10). Within the interval an
 * unknown {@code kid} finds no key and the token is refused, as any token signed by an unknown key. Failed downloads
 * count too, so an unreachable issuer is not hammered either.
 * <p>
 * Command-service publishes a new key ten minutes before it signs with it, so the set held here normally knows it
 * already; only an immediate rotation makes the first tokens of a new key wait for this refresh.
 */
final class IssuerKeys implements JWKSource<SecurityContext> {

    /** How long a downloaded set is used before it is downloaded again; 5 minutes, as Nimbus caches by default. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final Callable<JWKSet> download;
    private final Duration minRefreshInterval;
    private final Clock clock;
    private final ReentrantLock downloading = new ReentrantLock();

    private volatile Downloaded held;
    /** When the latest download was started, successful or not; guarded by {@link #downloading}. */
    private Instant lastAttempt;

    IssuerKeys(Callable<JWKSet> download, Duration minRefreshInterval, Clock clock) {
        this.download = download;
        this.minRefreshInterval = minRefreshInterval;
        this.clock = clock;
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Downloaded keys = held;
        if (keys == null || keys.expired(clock.instant())) {
            keys = downloadAfter(keys);
        }
        List<JWK> matches = selector.select(keys.set());
        if (matches.isEmpty()) {
            matches = selector.select(downloadAfter(keys).set());
        }
        return matches;
    }

    /**
     * A set newer than {@code seen}: another request's fresh download, or one made now, unless the latest attempt
     * is more recent than the minimum interval; then the held set while it is fresh.
     */
    private Downloaded downloadAfter(Downloaded seen) throws KeySourceException {
        downloading.lock();
        try {
            Instant now = clock.instant();
            Downloaded latest = held;
            if (latest != null && latest != seen && !latest.expired(now)) {
                return latest;
            }
            if (lastAttempt != null && now.isBefore(lastAttempt.plus(minRefreshInterval))) {
                if (latest != null && !latest.expired(now)) {
                    return latest;
                }
                throw new RemoteKeySourceException(
                        "No JWK set: the latest download failed less than " + minRefreshInterval + " ago", null);
            }
            lastAttempt = now;
            JWKSet set;
            try {
                set = download.call();
            } catch (Exception e) {
                throw new RemoteKeySourceException("Couldn't retrieve the JWK set: " + e.getMessage(), e);
            }
            held = new Downloaded(set, now.plus(MAX_AGE));
            return held;
        } finally {
            downloading.unlock();
        }
    }

    private record Downloaded(JWKSet set, Instant expiresAt) {

        boolean expired(Instant now) {
            return !now.isBefore(expiresAt);
        }
    }
}
