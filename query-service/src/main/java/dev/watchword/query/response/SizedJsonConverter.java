package dev.watchword.query.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Spring MVC's JSON converter, but every answer goes out with a {@code Content-Length} in one write. The standard
 * converter streams into the response and flushes it, which commits the response before its length is known: Tomcat
 * then sends it chunked, in one write for the head and the body and another for the closing chunk, and the gateway
 * must read it as chunks. The answers of this service are small (a profile, an introspection, a page of at most a
 * few hundred rows), so holding one in memory costs less than a second system call; the audit export, which can be
 * large, writes to the response itself and never comes here.
 */
public class SizedJsonConverter extends MappingJackson2HttpMessageConverter {

    public SizedJsonConverter(ObjectMapper json) {
        super(json);
    }

    @Override
    protected void writeInternal(Object object, Type type, HttpOutputMessage outputMessage)
            throws IOException, HttpMessageNotWritableException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(512);
        super.writeInternal(object, type, new HttpOutputMessage() {
            @Override
            public OutputStream getBody() {
                return body;
            }

            @Override
            public HttpHeaders getHeaders() {
                return outputMessage.getHeaders();
            }
        });
        outputMessage.getHeaders().setContentLength(body.size());
        body.writeTo(outputMessage.getBody());
    }
}
