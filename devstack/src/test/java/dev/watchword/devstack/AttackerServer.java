package dev.watchword.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A web server the attacker controls, on a random port of 127.0.0.1: it serves the attacker's JWK set on every
 * path and logs every request, so that a test can prove that a {@code jku}, {@code x5u} or URL-shaped
 * {@code kid} in a token made no verifier call out (RFC 8725 section 3.10).
 */
final class AttackerServer implements AutoCloseable {

    private final HttpServer server;

    private final List<String> requests = new CopyOnWriteArrayList<>();

    private AttackerServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Starts the server and checks, with one request from this JVM, that it answers; that probe is not logged,
     * so an empty {@link #requests()} means that nobody asked, not that nobody could have.
     */
    static AttackerServer serving(String jwkSet) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AttackerServer attacker = new AttackerServer(server);
        byte[] body = jwkSet.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> attacker.answer(exchange, body));
        server.start();

        try (HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> probe = client.send(
                    HttpRequest.newBuilder(attacker.uri("/jwks.json")).build(), HttpResponse.BodyHandlers.ofString());
            if (probe.statusCode() != 200 || !probe.body().equals(jwkSet)) {
                attacker.close();
                throw new IllegalStateException("The attacker's server does not answer: " + probe.statusCode());
            }
        }
        attacker.requests.clear();
        return attacker;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Every request received since the probe, as {@code METHOD path User-Agent}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange, byte[] body) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + exchange.getRequestHeaders().getFirst("User-Agent"));
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }
}
