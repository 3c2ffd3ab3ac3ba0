package dev.watchword.query.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletResponse;

class SizedJsonConverterTest {

    record Answer(boolean active, String sub, List<String> roles) {}

    private final SizedJsonConverter converter = new SizedJsonConverter(new ObjectMapper());

    @Test
    void writeWhenAnswerThenWholeBodyWithItsLength() throws Exception {
        // given
        MockHttpServletResponse servlet = new MockHttpServletResponse();
        ServletServerHttpResponse response = new ServletServerHttpResponse(servlet);

        // when
        converter.write(new Answer(true, "user-\u00e9", List.of("user")), MediaType.APPLICATION_JSON, response);

        // then
        byte[] body = servlet.getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"active\":true,\"sub\":\"user-\u00e9\",\"roles\":[\"user\"]}");
        assertThat(servlet.getHeader("Content-Length")).isEqualTo(String.valueOf(body.length));
        assertThat(servlet.getContentType()).startsWith("application/json");
        assertThat(servlet.isCommitted()).isTrue();
    }

    @Test
    void writeWhenProblemMediaTypeThenSameJsonWithLength() throws Exception {
        MockHttpServletResponse servlet = new MockHttpServletResponse();

        converter.write(
                new Answer(false, null, List.of()),
                MediaType.APPLICATION_PROBLEM_JSON,
                new ServletServerHttpResponse(servlet));

        assertThat(servlet.getContentAsString()).isEqualTo("{\"active\":false,\"sub\":null,\"roles\":[]}");
        assertThat(servlet.getContentLength()).isEqualTo(servlet.getContentAsByteArray().length);
        assertThat(servlet.getContentType()).startsWith("application/problem+json");
    }
}
