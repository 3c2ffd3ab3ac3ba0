package dev.watchword.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MailSinkTest {

    private static final String LINK = "https://watchword.test/verify-email#token=abc&x=1";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static final ObjectMapper JSON = new ObjectMapper();

    private MailSink sink;

    @BeforeEach
    void startAndDeliverTwoMessages() throws Exception {
        sink = MailSink.start(freePort(), 0);
        send(plain("alice@example.test", "Welcome <b>Alice</b>", "Hello & <script>alert('text')</script>"));
        Instant first =
                sink.greenMail().getReceivedMessages()[0].getReceivedDate().toInstant();
        // The inbox orders by arrival time; a second message in the same millisecond would make the order a tie.
        await().until(() -> Instant.now().isAfter(first));
        send(textAndHtml(
                "bob@example.test",
                "Verify your email",
                "Open " + LINK + ".",
                "<p>Verify</p><script>alert('html')</script>"));
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void inboxWhenTwoMessagesThenListedNewestFirst() throws Exception {
        HttpResponse<String> response = get("/api/messages");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode messages = JSON.readTree(response.body());
        assertThat(messages).hasSize(2);
        JsonNode newest = messages.get(0);
        assertThat(newest.get("index").asInt()).isEqualTo(1);
        assertThat(newest.get("messageId").asText()).isNotBlank();
        assertThat(newest.get("from").asText()).isEqualTo("Watchword <no-reply@watchword.test>");
        assertThat(newest.get("to")).extracting(JsonNode::asText).containsExactly("bob@example.test");
        assertThat(newest.get("subject").asText()).isEqualTo("Verify your email");
        assertThat(newest.get("text").asText()).isEqualTo("Open " + LINK + ".");
        assertThat(newest.get("html").asText()).isEqualTo("<p>Verify</p><script>alert('html')</script>");
        JsonNode oldest = messages.get(1);
        assertThat(oldest.get("index").asInt()).isZero();
        assertThat(oldest.get("subject").asText()).isEqualTo("Welcome <b>Alice</b>");
        assertThat(oldest.get("html").isNull()).isTrue();
        assertThat(Instant.parse(newest.get("receivedAt").asText()))
                .isAfter(Instant.parse(oldest.get("receivedAt").asText()));
    }

    @Test
    void apiWhenFilteredByRecipientThenOnlyTheirMessages() throws Exception {
        JsonNode alices =
                JSON.readTree(get("/api/messages?to=ALICE%40example.test").body());
        JsonNode nobodys =
                JSON.readTree(get("/api/messages?to=nobody@example.test").body());

        assertThat(alices)
                .extracting(message -> message.get("subject").asText())
                .containsExactly("Welcome <b>Alice</b>");
        assertThat(nobodys).isEmpty();
    }

    @Test
    void pageWhenMessagesThenEscapedWithClickableLinksAndStrictPolicy() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; style-src 'unsafe-inline'");
        String page = response.body();
        assertThat(page)
                .contains("Welcome &lt;b&gt;Alice&lt;/b&gt;", "Hello &amp; &lt;script&gt;")
                .containsIgnoringCase("<!doctype html>")
                .doesNotContainIgnoringCase("<script")
                .doesNotContainPattern("(?i)<(link|img|iframe|object)|\\ssrc=");
        assertThat(page)
                .contains("<a href=\"https://watchword.test/verify-email#token=abc&amp;x=1\" rel=\"noreferrer\">"
                        + "https://watchword.test/verify-email#token=abc&amp;x=1</a>.");
        assertThat(page).contains("href=\"/messages/1.html\"").doesNotContain("/messages/0.html");
        assertThat(page.indexOf("Verify your email")).isLessThan(page.indexOf("Welcome &lt;b&gt;"));
    }

    @Test
    void htmlPartWhenViewedThenServedWithScriptBlockingPolicy() throws Exception {
        HttpResponse<String> html = get("/messages/1.html");
        HttpResponse<String> textOnly = get("/messages/0.html");

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Security-Policy"))
                .hasValue("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
        assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(html.body()).isEqualTo("<p>Verify</p><script>alert('html')</script>");
        assertThat(textOnly.statusCode()).isEqualTo(404);
    }

    @Test
    void deleteWhenInboxHasMessagesThenEmptied() throws Exception {
        HttpResponse<String> deleted =
                HTTP.send(request("/api/messages").DELETE().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(JSON.readTree(get("/api/messages").body())).isEmpty();
        assertThat(sink.greenMail().getReceivedMessages()).isEmpty();
    }

    @Test
    void requestWhenHostIsNotLocalThenForbidden() throws IOException {
        // java.net.http will not send a Host header of our choosing, so speak HTTP/1.1 by hand.
        URI inbox = URI.create(sink.inboxUrl());
        try (Socket socket = new Socket(inbox.getHost(), inbox.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/messages HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(response).startsWith("HTTP/1.1 403").doesNotContain("alice@example.test");
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(sink.inboxUrl() + path));
    }

    private void send(MimeMessage message) throws MessagingException {
        Transport.send(message);
    }

    private MimeMessage plain(String to, String subject, String text) throws MessagingException {
        MimeMessage message = message(to, subject);
        message.setText(text, "UTF-8");
        return message;
    }

    private MimeMessage textAndHtml(String to, String subject, String text, String html) throws MessagingException {
        MimeBodyPart textPart = new MimeBodyPart();
        textPart.setText(text, "UTF-8");
        MimeBodyPart htmlPart = new MimeBodyPart();
        htmlPart.setText(html, "UTF-8", "html");
        MimeMessage message = message(to, subject);
        message.setContent(new MimeMultipart("alternative", textPart, htmlPart));
        return message;
    }

    private MimeMessage message(String to, String subject) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(sink.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        try {
            message.setFrom(new InternetAddress("no-reply@watchword.test", "Watchword"));
        } catch (java.io.UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        return message;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
