package dev.watchword.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An upstream service stand-in: answers every request with its own name and remembers the last request it saw,
 * as the path and headers arrived.
 */
final class StubUpstream implements AutoCloseable {

    private final String name;

    private final HttpServer server;

    private final Map<String, String> lastRequest = new ConcurrentHashMap<>();

    private StubUpstream(String name) {
        this.name = name;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", this::answer);
        server.start();
    }

    static StubUpstream start(String name) {
        return new StubUpstream(name);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The last request's path and query, exactly as it reached this upstream. */
    String lastPath() {
        return lastRequest.get("path");
    }

    String lastHeader(String name) {
        return lastRequest.get("header:" + name.toLowerCase());
    }

    /** Forgets the last request, so that a test can tell whether any reached this upstream. */
    void forget() {
        lastRequest.clear();
    }

    String lastBody() {
        return lastRequest.get("body");
    }

    private void answer(HttpExchange exchange) throws IOException {
        lastRequest.clear();
        lastRequest.put(
                "path",
                exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() != null
                                ? "?" + exchange.getRequestURI().getRawQuery()
                                : ""));
        exchange.getRequestHeaders()
                .forEach((header, values) ->
                        lastRequest.put("header:" + header.toLowerCase(), String.join(",", values)));
        lastRequest.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));

        byte[] body = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        // Upstreams behind Spring Security send their own values; the gateway's must be the only ones.
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "origin");
        exchange.sendResponseHeaders(200, body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
