package dev.watchword.query.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatusCode;

class ProblemCodeTest {

    @ParameterizedTest
    @CsvSource({
        "400, MALFORMED_REQUEST",
        "401, INVALID_TOKEN",
        "403, FORBIDDEN",
        "404, NOT_FOUND",
        "405, METHOD_NOT_ALLOWED",
        "406, NOT_ACCEPTABLE",
        "415, UNSUPPORTED_MEDIA_TYPE",
        "422, MALFORMED_REQUEST",
        "500, INTERNAL_ERROR",
        "503, INTERNAL_ERROR"
    })
    void forStatusWhenFrameworkErrorThenStableCode(int status, ProblemCode expected) {
        assertThat(ProblemCode.forStatus(HttpStatusCode.valueOf(status))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"404, 404", "415, 415", "500, 500"})
    void forStatusWhenBuiltThenStatusAndCodeMatch(int status, int expectedStatus) {
        var problem = Problems.forStatus(HttpStatusCode.valueOf(status));

        assertThat(problem.getStatus()).isEqualTo(expectedStatus);
        assertThat(problem.getProperties()).containsKey("code");
        assertThat(problem.getDetail()).doesNotContain("Exception");
    }
}
