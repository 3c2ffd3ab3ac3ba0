package dev.watchword.query.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class IssuerKeysTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
    private final AtomicInteger downloads = new AtomicInteger();
    private final AtomicReference<JWKSet> published = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final IssuerKeys keys = new IssuerKeys(
            () -> {
                downloads.incrementAndGet();
                if (failure.get() != null) {
                    throw failure.get();
                }
                return published.get();
            },
            INTERVAL,
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now.get();
                }
            });

    @Test
    void getWhenManyUnknownKeyIdsThenOneDownloadPerInterval() throws Exception {
        // given
        published.set(new JWKSet(key("k1").toPublicJWK()));
        assertThat(keys.get(byKid("k1"), null)).hasSize(1);

        // when
        for (int i = 0; i < 50; i++) {
            assertThat(keys.get(byKid("made-up-" + i), null)).isEmpty();
        }

        // then: the first unknown kid looked once (the first download was just now, so not even that)
        assertThat(downloads).hasValue(1);
        now.set(now.get().plus(INTERVAL));
        assertThat(keys.get(byKid("made-up-x"), null)).isEmpty();
        assertThat(keys.get(byKid("made-up-y"), null)).isEmpty();
        assertThat(downloads).hasValue(2);
    }

    @Test
    void getWhenKeyPublishedSinceThenFoundOnceTheIntervalAllows() throws Exception {
        // given
        published.set(new JWKSet(key("k1").toPublicJWK()));
        keys.get(byKid("k1"), null);
        published.set(new JWKSet(List.of(key("k1").toPublicJWK(), key("k2").toPublicJWK())));

        // when
        now.set(now.get().plusSeconds(31));

        // then
        assertThat(keys.get(byKid("k2"), null)).hasSize(1);
        assertThat(keys.get(byKid("k2"), null)).hasSize(1);
        assertThat(downloads).hasValue(2);
    }

    @Test
    void getWhenSetExpiredThenDownloadedAgain() throws Exception {
        published.set(new JWKSet(key("k1").toPublicJWK()));
        keys.get(byKid("k1"), null);

        now.set(now.get().plus(IssuerKeys.MAX_AGE));
        keys.get(byKid("k1"), null);

        assertThat(downloads).hasValue(2);
    }

    @Test
    void getWhenIssuerUnreachableThenRefusedAndRetriedOncePerInterval() throws Exception {
        // given
        failure.set(new IllegalStateException("connection refused"));

        // when
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> keys.get(byKid("k1"), null)).isInstanceOf(KeySourceException.class);
        }

        // then
        assertThat(downloads).hasValue(1);
        failure.set(null);
        published.set(new JWKSet(key("k1").toPublicJWK()));
        now.set(now.get().plus(INTERVAL));
        assertThat(keys.get(byKid("k1"), null)).hasSize(1);
    }

    private static JWKSelector byKid(String kid) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(kid).build());
    }

    private static ECKey key(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
