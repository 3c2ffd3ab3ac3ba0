package dev.watchword.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.command.issuing.TokenSettings;
import dev.watchword.command.signingkey.KeySchedule;
import dev.watchword.command.signingkey.KeySettings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How long the service keeps a retired signing key published, given the lifetimes apps may choose. */
class KeyScheduleWiringTest {

    private static final Instant RETIRES = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void withdrawalWhenDefaultAccessTokensLiveFiveMinutesThenKeyOutlivesAnAppsHourLongToken() {
        KeySettings settings = KeySettings.defaults();
        KeySchedule schedule = new CommandServiceApplication()
                .keySchedule(settings, new TokenSettings("http://localhost:8080", "watchword", 5, 1));

        assertThat(schedule.withdrawalOf(RETIRES))
                .isEqualTo(RETIRES.plus(Duration.ofMinutes(60)).plus(settings.retirementMargin()));
    }

    @Test
    void withdrawalWhenDefaultAccessTokensLiveLongerThanAnyAppsThenThatLifetimeCounts() {
        KeySettings settings = KeySettings.defaults();
        KeySchedule schedule = new CommandServiceApplication()
                .keySchedule(settings, new TokenSettings("http://localhost:8080", "watchword", 90, 1));

        assertThat(schedule.withdrawalOf(RETIRES))
                .isEqualTo(RETIRES.plus(Duration.ofMinutes(90)).plus(settings.retirementMargin()));
    }
}
