package dev.watchword.command.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Listens on a fixed port and forwards each connection to a target. Kafka's in-JVM KRaft broker cannot be
 * given a fixed port, so a service is pointed at this port while nothing listens there (Kafka unreachable),
 * and the forwarder opens it once a broker is up; clients bootstrap through it and then reach the broker
 * directly at its advertised address.
 */
final class TcpForwarder implements AutoCloseable {

    private final ServerSocket server;

    TcpForwarder(int port, String targetHost, int targetPort) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket upstream = new Socket(targetHost, targetPort);
                    pipe(client.getInputStream(), upstream.getOutputStream());
                    pipe(upstream.getInputStream(), client.getOutputStream());
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private static void pipe(InputStream in, OutputStream out) {
        Thread.ofVirtual().start(() -> {
            try (in;
                    out) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // either side closed
            }
        });
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
