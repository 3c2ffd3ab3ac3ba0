package dev.watchword.command.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OperatorTokenTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @Test
    void matchesWhenSameTokenThenTrue() {
        assertThat(OperatorToken.of(TOKEN).matches(TOKEN)).isTrue();
        assertThat(OperatorToken.of(TOKEN).matches(TOKEN + "x")).isFalse();
        assertThat(OperatorToken.of(TOKEN).matches(null)).isFalse();
    }

    @Test
    void ofWhenUnsetThenDisabledAndNothingMatches() {
        OperatorToken unset = OperatorToken.of("");

        assertThat(unset.enabled()).isFalse();
        assertThat(unset.matches("")).isFalse();
    }

    @Test
    void ofWhenShorterThan32ThenRejected() {
        assertThatThrownBy(() -> OperatorToken.of("short")).isInstanceOf(IllegalStateException.class);
    }
}
