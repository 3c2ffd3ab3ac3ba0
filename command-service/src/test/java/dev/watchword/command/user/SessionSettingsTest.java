package dev.watchword.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionSettingsTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    private static SessionSettings withGrace(Duration grace) {
        return new SessionSettings(grace, Duration.ofHours(12), 5, Duration.ofMinutes(1), Duration.ofHours(1), 100);
    }

    @Test
    void validateWhenGraceIsTheDefaultOrThirtySecondsThenValid() {
        assertThat(validator.validate(withGrace(Duration.ofSeconds(5)))).isEmpty();
        assertThat(validator.validate(withGrace(Duration.ofSeconds(30)))).isEmpty();
    }

    @Test
    void validateWhenGraceLongerThanThirtySecondsOrNegativeThenInvalid() {
        assertThat(validator.validate(withGrace(Duration.ofSeconds(31))))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("refreshGraceShort");
        assertThat(validator.validate(withGrace(Duration.ofSeconds(-1))))
                .extracting(v -> v.getPropertyPath().toString())
                .containsExactly("refreshGraceShort");
    }
}
