package dev.watchword.query.eventstream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class EventStreamErrorHandlingTest {

    @Test
    void backOffWhenFailingForADayThenStillRetriesAtMaxInterval() {
        // given
        BackOffExecution execution = EventStreamErrorHandling.backOff(
                        new EventStreamProperties.Retry(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(30)))
                .start();

        // when: a day's worth of attempts at the longest interval
        long waited = 0;
        long next = 0;
        for (int attempt = 0; attempt < 3000; attempt++) {
            next = execution.nextBackOff();
            assertThat(next).isNotEqualTo(BackOffExecution.STOP);
            waited += next;
        }

        // then
        assertThat(next).isEqualTo(30_000L);
        assertThat(Duration.ofMillis(waited)).isGreaterThan(Duration.ofDays(1));
    }
}
