package dev.watchword.command.signingkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rotation state machine as plain functions of stored lifecycles and a time. */
class KeyScheduleTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration ACCESS_TOKEN = Duration.ofMinutes(5);
    private final KeySettings settings = KeySettings.defaults();
    private final KeySchedule schedule = new KeySchedule(settings, ACCESS_TOKEN);

    @Nested
    class States {

        @Test
        void stateAtWhenBeforeActivationThenNext() {
            KeyLifecycle key = new KeyLifecycle("k", T0, null, null);

            assertThat(key.stateAt(T0.minusSeconds(1))).isEqualTo(KeyState.NEXT);
            assertThat(key.stateAt(T0)).isEqualTo(KeyState.CURRENT);
        }

        @Test
        void stateAtWhenRetiredThenPublishedUntilWithdrawn() {
            Instant retires = T0.plus(Duration.ofDays(30));
            KeyLifecycle key = new KeyLifecycle("k", T0, retires, schedule.withdrawalOf(retires));

            assertThat(key.stateAt(retires.minusMillis(1))).isEqualTo(KeyState.CURRENT);
            assertThat(key.stateAt(retires)).isEqualTo(KeyState.RETIRED);
            assertThat(key.stateAt(retires.plus(Duration.ofMinutes(10)).minusMillis(1)))
                    .isEqualTo(KeyState.RETIRED);
            assertThat(key.stateAt(retires.plus(Duration.ofMinutes(10)))).isEqualTo(KeyState.WITHDRAWN);
            assertThat(KeyState.WITHDRAWN.published()).isFalse();
        }

        @Test
        void lifecycleWhenWithdrawnBeforeRetiredThenRejected() {
            assertThatThrownBy(() -> new KeyLifecycle("k", T0, null, T0.plusSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new KeyLifecycle("k", T0, T0.minusSeconds(1), null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Scheduled {

        @Test
        void scheduledActivationWhenNoKeyThenNow() {
            assertThat(schedule.scheduledActivation(List.of(), T0)).contains(T0);
        }

        @Test
        void scheduledActivationWhenPeriodNotNearlyOverThenNothing() {
            List<KeyLifecycle> keys = List.of(new KeyLifecycle("a", T0, null, null));

            assertThat(schedule.scheduledActivation(
                            keys, T0.plus(Duration.ofDays(30)).minus(Duration.ofMinutes(11))))
                    .isEmpty();
        }

        @Test
        void scheduledActivationWhenPublishAheadOfPeriodEndThenSuccessorAtPeriodEnd() {
            List<KeyLifecycle> keys = List.of(new KeyLifecycle("a", T0, null, null));
            Instant now = T0.plus(Duration.ofDays(30)).minus(Duration.ofMinutes(10));

            assertThat(schedule.scheduledActivation(keys, now)).contains(T0.plus(Duration.ofDays(30)));
        }

        @Test
        void scheduledActivationWhenOverdueThenStillPublishedAheadNeverUnannounced() {
            List<KeyLifecycle> keys = List.of(new KeyLifecycle("a", T0, null, null));
            Instant now = T0.plus(Duration.ofDays(45));

            assertThat(schedule.scheduledActivation(keys, now)).contains(now.plus(settings.publishAhead()));
        }

        @Test
        void scheduledActivationWhenSuccessorPendingThenNothing() {
            Instant due = T0.plus(Duration.ofDays(30));
            List<KeyLifecycle> keys = List.of(
                    new KeyLifecycle("a", T0, due, schedule.withdrawalOf(due)), new KeyLifecycle("b", due, null, null));

            assertThat(schedule.scheduledActivation(keys, due.minusSeconds(60))).isEmpty();
        }
    }

    @Nested
    class Succeed {

        @Test
        void succeedWhenScheduledThenCurrentRetiresAsSuccessorActivates() {
            List<KeyLifecycle> keys = List.of(new KeyLifecycle("a", T0, null, null));
            Instant now = T0.plus(Duration.ofDays(1));
            Instant activates = schedule.onDemandActivation(now, false);

            Succession succession = schedule.succeed(keys, now, "b", activates, false);

            assertThat(activates).isEqualTo(now.plus(Duration.ofMinutes(10)));
            assertThat(succession.successor()).isEqualTo(new KeyLifecycle("b", activates, null, null));
            assertThat(succession.updated())
                    .containsExactly(new KeyLifecycle(
                            "a", T0, activates, activates.plus(ACCESS_TOKEN).plus(settings.retirementMargin())));
            assertThat(succession.deleted()).isEmpty();
            List<KeyLifecycle> after = List.of(succession.updated().getFirst(), succession.successor());
            assertThat(KeySchedule.current(after, now)).map(KeyLifecycle::kid).contains("a");
            assertThat(KeySchedule.next(after, now)).map(KeyLifecycle::kid).contains("b");
            assertThat(KeySchedule.current(after, activates))
                    .map(KeyLifecycle::kid)
                    .contains("b");
        }

        @Test
        void succeedWhenImmediateThenCurrentAndPendingDeleted() {
            Instant now = T0.plus(Duration.ofDays(1));
            Instant pending = now.plus(Duration.ofMinutes(5));
            List<KeyLifecycle> keys = List.of(
                    new KeyLifecycle("a", T0, pending, schedule.withdrawalOf(pending)),
                    new KeyLifecycle("b", pending, null, null));

            Succession succession = schedule.succeed(keys, now, "c", schedule.onDemandActivation(now, true), true);

            assertThat(succession.successor().stateAt(now)).isEqualTo(KeyState.CURRENT);
            assertThat(succession.updated()).isEmpty();
            assertThat(succession.deleted()).containsExactlyInAnyOrder("a", "b");
        }

        @Test
        void succeedWhenKeysWithdrawnThenDeleted() {
            Instant retired = T0.plus(Duration.ofDays(1));
            List<KeyLifecycle> keys = List.of(
                    new KeyLifecycle("old", T0, retired, schedule.withdrawalOf(retired)),
                    new KeyLifecycle("a", retired, null, null));
            Instant now = retired.plus(Duration.ofDays(1));

            Succession succession = schedule.succeed(keys, now, "b", now.plus(Duration.ofMinutes(10)), false);

            assertThat(succession.deleted()).containsExactly("old");
        }
    }
}
