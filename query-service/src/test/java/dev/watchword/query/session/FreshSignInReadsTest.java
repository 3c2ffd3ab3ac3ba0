package dev.watchword.query.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreshSignInReadsTest {

    @Test
    void untilProjectedWhenSessionAppearsDuringTheWaitThenReturnsOnceItIsThere() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        var wait = new FreshSignInReads.SessionWait(id -> lookups.incrementAndGet() >= 3, Duration.ofSeconds(5));

        boolean projected = wait.untilProjected("s1");

        assertThat(projected).isTrue();
        assertThat(lookups).hasValue(3);
    }

    @Test
    void untilProjectedWhenSessionSeenBeforeThenNoLookup() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        var wait = new FreshSignInReads.SessionWait(id -> lookups.incrementAndGet() > 0, Duration.ofSeconds(5));
        wait.untilProjected("s1");

        boolean projected = wait.untilProjected("s1");

        assertThat(projected).isTrue();
        assertThat(lookups).hasValue(1);
    }

    @Test
    void untilProjectedWhenSessionNeverAppearsThenGivesUpAfterTheBound() throws Exception {
        AtomicInteger lookups = new AtomicInteger();
        var wait = new FreshSignInReads.SessionWait(id -> lookups.incrementAndGet() < 0, Duration.ofMillis(100));

        boolean projected = wait.untilProjected("s1");

        assertThat(projected).isFalse();
        assertThat(lookups.get()).isBetween(2, 7);
        // Not remembered: a later read asks again.
        wait.untilProjected("s1");
        assertThat(lookups.get()).isGreaterThan(2);
    }

    @Test
    void untilProjectedWhenNoSessionIdThenNoWait() throws Exception {
        var wait = new FreshSignInReads.SessionWait(id -> false, Duration.ofSeconds(5));

        assertThat(wait.untilProjected(null)).isFalse();
    }
}
