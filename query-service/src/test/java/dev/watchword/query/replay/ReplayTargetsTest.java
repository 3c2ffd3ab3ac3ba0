package dev.watchword.query.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.UserEvent;
import dev.watchword.query.eventstream.Projection;
import dev.watchword.query.eventstream.SideEffects;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayTargetsTest {

    @Test
    void targetsWhenProjectionHasSideEffectsThenNotReplayable() {
        ReplayTargets targets = new ReplayTargets(List.of(new WebhookProjection()), List.of(), List.of());

        ReplayTarget webhook = targets.byName("webhook").orElseThrow();

        assertThat(webhook.replayable()).isFalse();
        assertThat(webhook.notReplayable())
                .hasValueSatisfying(
                        reason -> assertThat(reason).contains("side effects").contains("calls the shop's webhook"));
        assertThat(webhook.handler()).isNull();
    }

    @Test
    void targetsWhenProjectionUnlistedThenStartUpFails() {
        assertThatThrownBy(() -> new ReplayTargets(List.of(new UnlistedProjection()), List.of(), List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UnlistedProjection");
    }

    @Test
    void readModelNameWhenProjectionClassThenSnakeCase() {
        assertThat(ReplayTargets.readModelName("AdminUserRowProjection")).isEqualTo("admin_user_row");
        assertThat(ReplayTargets.readModelName("WebhookProjection")).isEqualTo("webhook");
    }

    @SideEffects("calls the shop's webhook")
    static final class WebhookProjection implements Projection {
        @Override
        public void project(EventEnvelope envelope, UserEvent event) {}
    }

    static final class UnlistedProjection implements Projection {
        @Override
        public void project(EventEnvelope envelope, UserEvent event) {}
    }
}
