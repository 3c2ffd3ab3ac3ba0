package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dev stack's inbox read over its JSON API ({@code GET /api/messages?to=}), the way a developer reads the emails
 * Watchword sent: the tests take links and codes from the real messages, never from the event store.
 */
final class Inbox {

    /** Mail goes through Kafka, the outbox and SMTP: eventually delivered, quickly. */
    static final Duration DELIVERY = Duration.ofSeconds(60);

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The code of a sign-in email: the only run of 6 to 8 digits standing on a line of its own. */
    private static final Pattern CODE = Pattern.compile("(?m)^\\s*(\\d{6,8})\\s*$");

    private final String baseUrl;

    Inbox(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** One message of {@code GET /api/messages}; the members a test reads. */
    record Message(int index, String from, List<String> to, String subject, String text) {

        /** The token of the link to {@code page} (e.g. {@code /reset-password}), from its {@code #token=} fragment. */
        String linkToken(String page) {
            Matcher link = Pattern.compile(Pattern.quote(page) + "#token=([^\\s\"'<>]+)")
                    .matcher(text);
            assertThat(link.find()).as("a %s link in %s", page, text).isTrue();
            return URLDecoder.decode(link.group(1), StandardCharsets.UTF_8);
        }

        /** The one-time code of a sign-in code email. */
        String code() {
            Matcher code = CODE.matcher(text);
            assertThat(code.find()).as("a sign-in code in %s", text).isTrue();
            return code.group(1);
        }
    }

    /** Every message to {@code address}, newest first. */
    List<Message> messagesTo(String address) {
        URI uri = URI.create(baseUrl + "/api/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response =
                    HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET %s", uri).isEqualTo(200);
            return List.of(JSON.readValue(response.body(), Message[].class));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The newest message to {@code address} with this subject, if one arrived. */
    Optional<Message> find(String address, String subject) {
        return messagesTo(address).stream()
                .filter(message -> subject.equals(message.subject()))
                .findFirst();
    }

    /** Waits for a message to {@code address} with this subject and returns the newest such. */
    Message awaitMessage(String address, String subject) {
        return await("email \"" + subject + "\" to " + address)
                .atMost(DELIVERY)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> find(address, subject), Optional::isPresent)
                .orElseThrow();
    }

    /**
     * Waits for a message to {@code address} with this subject whose text contains {@code containing}: one of
     * several with the same subject (a password set when the address was confirmed, then one changed later).
     */
    Message awaitMessage(String address, String subject, String containing) {
        return await("email \"" + subject + "\" with \"" + containing + "\" to " + address)
                .atMost(DELIVERY)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> messagesTo(address).stream()
                                .filter(message -> subject.equals(message.subject())
                                        && message.text().contains(containing))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /** How many messages with this subject reached {@code address}. */
    long count(String address, String subject) {
        return messagesTo(address).stream()
                .filter(message -> subject.equals(message.subject()))
                .count();
    }
}
