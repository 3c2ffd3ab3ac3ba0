package dev.watchword.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mail sink's inbox over HTTP, on the JDK's own server so that it needs no dependency and no network:
 * {@code GET /} (a page), {@code GET /messages/<index>.html} (a message's HTML part), {@code GET /api/messages}
 * (JSON, {@code ?to=<address>} filters) and {@code DELETE /api/messages} (empties the inbox).
 */
final class InboxServer implements AutoCloseable {

    /** The page shows no script and loads nothing; style is inline. */
    static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    /** An email's HTML is untrusted: it may style itself and show inline images, never run a script or load. */
    static final String MESSAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final Pattern MESSAGE_PATH = Pattern.compile("/messages/(\\d{1,9})\\.html");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final GreenMail greenMail;

    private final HttpServer server;

    private InboxServer(GreenMail greenMail, HttpServer server) {
        this.greenMail = greenMail;
        this.server = server;
    }

    /** Listens on 127.0.0.1 only: the inbox holds live verification links. */
    static InboxServer start(GreenMail greenMail, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            InboxServer inbox = new InboxServer(greenMail, server);
            server.createContext("/", inbox::handle);
            server.start();
            return inbox;
        } catch (IOException ex) {
            throw new UncheckedIOException("inbox on 127.0.0.1:" + port + ": " + ex.getMessage(), ex);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException ex) {
                // The JDK server would drop the connection without a word; say what went wrong instead.
                send(exchange, 500, "text/plain", "Inbox failed: " + ex.getMessage() + "\n", null);
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Matcher message = MESSAGE_PATH.matcher(path);
        if (!isLocalHost(exchange.getRequestHeaders().getFirst("Host"))) {
            // A DNS-rebinding page would arrive under its own host name; it must not read the inbox.
            send(exchange, 403, "text/plain", "Forbidden host\n", null);
        } else if (path.equals("/") && method.equals("GET")) {
            send(exchange, 200, "text/html", InboxPage.render(messages().reversed()), PAGE_POLICY);
        } else if (message.matches() && method.equals("GET")) {
            int index = Integer.parseInt(message.group(1));
            Optional<String> html = messages().stream()
                    .filter(candidate -> candidate.index() == index && candidate.html() != null)
                    .findFirst()
                    .map(InboxMessage::html);
            if (html.isPresent()) {
                send(exchange, 200, "text/html", html.get(), MESSAGE_POLICY);
            } else {
                send(exchange, 404, "text/plain", "No such message, or it has no HTML part\n", null);
            }
        } else if (path.equals("/api/messages") && method.equals("GET")) {
            Optional<String> to = queryParameter(exchange, "to");
            List<InboxMessage> listed = messages().reversed().stream()
                    .filter(candidate -> to.isEmpty() || candidate.isTo(to.get()))
                    .toList();
            send(exchange, 200, "application/json", json(listed), null);
        } else if (path.equals("/api/messages") && method.equals("DELETE")) {
            purge();
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(204, -1);
        } else if (path.equals("/") || message.matches() || path.equals("/api/messages")) {
            exchange.getResponseHeaders().set("Allow", path.equals("/api/messages") ? "GET, DELETE" : "GET");
            send(exchange, 405, "text/plain", "Method not allowed\n", null);
        } else {
            send(exchange, 404, "text/plain", "Not found\n", null);
        }
    }

    private List<InboxMessage> messages() {
        return InboxMessage.readAll(greenMail.getReceivedMessages());
    }

    private void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException ex) {
            throw new IllegalStateException("GreenMail could not empty its mailboxes", ex);
        }
    }

    private static boolean isLocalHost(String host) {
        if (host == null) {
            return false;
        }
        String name = host.replaceFirst(":\\d+$", "");
        return name.equalsIgnoreCase("localhost") || name.equals("127.0.0.1");
    }

    private static Optional<String> queryParameter(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .filter(pair -> pair.length == 2 && pair[0].equals(name))
                .map(pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8))
                .findFirst();
    }

    private static String json(List<InboxMessage> messages) {
        try {
            return JSON.writeValueAsString(messages);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("inbox as JSON", ex);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body, String policy)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type + "; charset=utf-8");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Cache-Control", "no-store");
        if (policy != null) {
            headers.set("Content-Security-Policy", policy);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
