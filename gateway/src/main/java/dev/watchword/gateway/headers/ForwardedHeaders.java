package dev.watchword.gateway.headers;

import java.util.List;
import java.util.Locale;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.springframework.stereotype.Component;

/**
 * Tells the upstream services who the client is ({@code X-Forwarded-For}, {@code -Proto}, {@code -Host},
 * {@code -Port}). command-service records client addresses for lockout and audit, so a client's own forwarding
 * headers are dropped unless it is a trusted proxy (OWASP ASVS 5.0 V4.1.3: headers a client can set are not trusted
 * for security decisions); Jetty's {@code Forwarded} and {@code Via} are not sent either.
 */
@Component
public class ForwardedHeaders {

    static final String X_FORWARDED_FOR = "X-Forwarded-For";

    static final String X_FORWARDED_PROTO = "X-Forwarded-Proto";

    static final String X_FORWARDED_HOST = "X-Forwarded-Host";

    static final String X_FORWARDED_PORT = "X-Forwarded-Port";

    private static final List<String> FORWARDING_HEADERS = List.of(
            X_FORWARDED_FOR, X_FORWARDED_PROTO, X_FORWARDED_HOST, X_FORWARDED_PORT, "X-Forwarded-Prefix", "Forwarded");

    private final ForwardingProperties properties;

    ForwardedHeaders(ForwardingProperties properties) {
        this.properties = properties;
    }

    /**
     * Replaces whatever forwarding headers {@code upstream} carries (copied from the client) with the gateway's own,
     * keeping a trusted proxy's values.
     */
    public void write(Request client, HttpFields.Mutable upstream) {
        String remoteAddress = Request.getRemoteAddr(client);
        boolean trusted = properties.isTrusted(remoteAddress);
        HttpFields received = client.getHeaders();
        String forwardedFor = trusted ? received.get(X_FORWARDED_FOR) : null;
        String forwardedProto = trusted ? received.get(X_FORWARDED_PROTO) : null;
        String forwardedHost = trusted ? received.get(X_FORWARDED_HOST) : null;
        String forwardedPort = trusted ? received.get(X_FORWARDED_PORT) : null;
        FORWARDING_HEADERS.forEach(upstream::remove);
        upstream.remove(HttpHeader.VIA);

        if (remoteAddress != null) {
            upstream.put(X_FORWARDED_FOR, forwardedFor == null ? remoteAddress : forwardedFor + ", " + remoteAddress);
        }
        int port = Request.getServerPort(client);
        upstream.put(
                X_FORWARDED_PROTO,
                forwardedProto != null
                        ? forwardedProto
                        : client.getHttpURI().getScheme().toLowerCase(Locale.ROOT));
        upstream.put(X_FORWARDED_HOST, forwardedHost != null ? forwardedHost : hostOf(client, port));
        upstream.put(X_FORWARDED_PORT, forwardedPort != null ? forwardedPort : String.valueOf(port));
    }

    /** The host the client addressed (its Host header), else the server's name and port. */
    private static String hostOf(Request client, int port) {
        HttpField host = client.getHeaders().getField(HttpHeader.HOST);
        return host != null ? host.getValue() : Request.getServerName(client) + ":" + port;
    }
}
