package dev.watchword.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.watchword.events.user.PasswordChangeReason;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.SessionStarted;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WithheldFieldsTest {

    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void withheldFromWhenPayloadHoldsHashesThenNullAndRestKept() {
        EventEnvelope envelope = EventCatalog.wrap(
                "e-1",
                new PasswordChanged(
                        "u-1",
                        "a@example.com",
                        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
                        PasswordChangeReason.values()[0],
                        "192.0.2.1",
                        AT),
                "u-1",
                3,
                7,
                AT);

        EventEnvelope published = WithheldFields.withheldFrom(envelope);

        assertThat(published.payload().has("passwordHash")).isTrue();
        assertThat(published.payload().get("passwordHash").isNull()).isTrue();
        assertThat(published.payload().get("email").asText()).isEqualTo("a@example.com");
        assertThat(WithheldFields.anyIn(published.payload())).isFalse();
        assertThat(envelope.payload().get("passwordHash").asText())
                .as("the original is left alone")
                .startsWith("$argon2id$");
    }

    @Test
    void withheldFromWhenRefreshTokenHashThenNull() {
        EventEnvelope envelope = EventCatalog.wrap(
                "e-2",
                new SessionStarted("u-1", "s-1", "c2hhMjU2", "192.0.2.1", "agent", AT, AT.plusSeconds(60)),
                "u-1",
                4,
                8,
                AT);

        assertThat(WithheldFields.withheldFrom(envelope)
                        .payload()
                        .get("refreshTokenHash")
                        .isNull())
                .isTrue();
    }
}
