package dev.watchword.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void delayAfterWhenFirstFailuresThenDoublesFromInitial() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
    }

    @Test
    void delayAfterWhenDoublingPassesMaxThenCappedAtMax() {
        assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(11)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void delayAfterWhenVeryManyFailuresThenStillMaxWithoutOverflow() {
        assertThat(backoff.delayAfter(64)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void delayAfterWhenNoFailureYetThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> backoff.delayAfter(0));
    }

    @Test
    void constructorWhenMaxShorterThanInitialThenRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RetryBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }
}
