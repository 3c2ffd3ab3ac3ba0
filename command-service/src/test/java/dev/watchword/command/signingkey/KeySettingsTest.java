package dev.watchword.command.signingkey;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeySettingsTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void defaultsWhenUnsetThenDocumentedValuesAndValid() {
        KeySettings settings = KeySettings.defaults();

        assertThat(settings.rotationPeriod()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.publishAhead()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.retirementMargin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.refreshInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(validator.validate(settings)).isEmpty();
    }

    @Test
    void validateWhenPublishAheadWithinJwksMaxAgeThenInvalid() {
        KeySettings settings = new KeySettings(null, Duration.ofMinutes(5), null, null);

        assertThat(validator.validate(settings))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("publishAheadLongerThanCaches");
    }
}
