package dev.watchword.query.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.web.ErrorResponseException;

class PageRequestTest {

    @Test
    void ofWhenNothingGivenThenFirstPageOfTwenty() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(1, 20));
    }

    @Test
    void ofWhenSizeAboveMaximumThenLoweredToHundred() {
        assertThat(PageRequest.of(3, 500)).isEqualTo(new PageRequest(3, 100));
        assertThat(PageRequest.of(3, 500).offset()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource({"0, 20", "-1, 20", "1, 0", "1, -5"})
    void ofWhenPageOrSizeBelowOneThen400MalformedRequest(int page, int size) {
        assertThatExceptionOfType(ErrorResponseException.class)
                .isThrownBy(() -> PageRequest.of(page, size))
                .satisfies(e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getProperties()).containsEntry("code", "MALFORMED_REQUEST");
                });
    }

    @Test
    void offsetWhenPageFarOutThenNoOverflow() {
        assertThat(new PageRequest(Integer.MAX_VALUE, 100).offset()).isEqualTo((Integer.MAX_VALUE - 1L) * 100);
    }
}
