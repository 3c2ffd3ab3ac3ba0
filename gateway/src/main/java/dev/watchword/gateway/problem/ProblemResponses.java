package dev.watchword.gateway.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes the gateway's own RFC 9457 answers straight onto Jetty's response, for requests that never reach the
 * servlet layer: no route, an upstream down or slow.
 */
@Component
public class ProblemResponses {

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public void write(Request request, Response response, Callback callback, HttpStatus status) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(
                    Problems.of(status, request.getHttpURI().getPath()));
        } catch (JsonProcessingException serialization) {
            throw new UncheckedIOException(serialization);
        }
        response.setStatus(status.value());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
