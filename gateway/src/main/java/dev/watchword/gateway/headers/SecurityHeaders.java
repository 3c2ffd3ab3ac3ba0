package dev.watchword.gateway.headers;

import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * The same security headers on every response, proxied or not, problem answers included. An upstream's own values
 * for these headers are dropped on the way through (see {@link #isOwn(String)}), so a client never sees one header
 * twice with different values (OWASP ASVS 5.0 V3.4.1, V3.4.4, V3.4.5).
 */
public final class SecurityHeaders {

    /** Two years, with subdomains: the HSTS preload list's minimum. Browsers ignore it over plain HTTP. */
    static final Map<String, String> HEADERS = Map.of(
            "Strict-Transport-Security", "max-age=63072000; includeSubDomains",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");

    private SecurityHeaders() {}

    public static void put(HttpFields.Mutable response) {
        HEADERS.forEach(response::put);
    }

    /** Whether the gateway sets this response header itself, whatever an upstream says. */
    public static boolean isOwn(String header) {
        for (String own : HEADERS.keySet()) {
            if (own.equalsIgnoreCase(header)) {
                return true;
            }
        }
        return false;
    }
}
