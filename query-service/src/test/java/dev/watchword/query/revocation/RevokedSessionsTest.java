package dev.watchword.query.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RevokedSessionsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final Duration RETAIN = Duration.ofMinutes(2);

    private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RevokedSessions revoked = new RevokedSessions(
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
                    return clock.instant();
                }
            },
            RETAIN);

    @Test
    void isRevokedWhenRevokedThenTrueOnlyForThatSession() {
        revoked.revoke("s1", NOW.plusSeconds(300));

        assertThat(revoked.isRevoked("s1")).isTrue();
        assertThat(revoked.isRevoked("s2")).isFalse();
    }

    @Test
    void isRevokedWhenTokensExpiredButWithinRetentionThenStillTrue() {
        revoked.revoke("s1", NOW.plusSeconds(300));

        advanceTo(NOW.plusSeconds(300).plus(RETAIN).minusSeconds(1));

        assertThat(revoked.isRevoked("s1")).isTrue();
    }

    @Test
    void isRevokedWhenRetentionOverThenFalseAndEntryDropped() {
        revoked.revoke("s1", NOW.plusSeconds(300));

        advanceTo(NOW.plusSeconds(300).plus(RETAIN));

        assertThat(revoked.isRevoked("s1")).isFalse();
        assertThat(revoked.size()).isZero();
    }

    @Test
    void revokeWhenAlreadyLongExpiredThenNotKept() {
        revoked.revoke("s1", NOW.minus(RETAIN).minusSeconds(1));

        assertThat(revoked.size()).isZero();
    }

    @Test
    void revokeWhenRevokedTwiceThenLaterExpiryWins() {
        revoked.revoke("s1", NOW.plusSeconds(600));
        revoked.revoke("s1", NOW.plusSeconds(60));

        advanceTo(NOW.plusSeconds(60).plus(RETAIN));

        assertThat(revoked.isRevoked("s1")).isTrue();
    }

    @Test
    void dropExpiredWhenSomeExpiredThenOnlyThoseDropped() {
        revoked.revoke("short", NOW.plusSeconds(10));
        revoked.revoke("long", NOW.plusSeconds(600));

        advanceTo(NOW.plusSeconds(10).plus(RETAIN));

        assertThat(revoked.dropExpired()).isEqualTo(1);
        assertThat(revoked.isRevoked("long")).isTrue();
    }

    private void advanceTo(Instant instant) {
        clock = Clock.fixed(instant, ZoneOffset.UTC);
    }
}
