package dev.watchword.command.revocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The client allowed to revoke tokens (RFC 7009 section 2.1 requires client authentication), the same client
 * that may introspect them at query-service: {@code WATCHWORD_INTROSPECTION_CLIENT_ID} and
 * {@code WATCHWORD_INTROSPECTION_CLIENT_SECRET}. It is the platform's one
 * such client; an app's backend introspects with its own API key instead. The default is none, and then every revocation request is refused.
 */
@ConfigurationProperties("watchword.revocation")
public record ClientCredentials(String clientId, String clientSecret) {

    boolean configured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    /** Checks an {@code Authorization: Basic} header in constant time (OWASP ASVS 5.0 V11.2.4). */
    boolean accept(String authorization) {
        if (!configured() || authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        Optional<String[]> pair = decode(authorization.substring(6).trim());
        return pair.isPresent()
                & equal(pair.map(p -> p[0]).orElse(""), clientId)
                & equal(pair.map(p -> p[1]).orElse(""), clientSecret);
    }

    private static Optional<String[]> decode(String base64) {
        try {
            String text = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            // RFC 6749 section 2.3.1: both parts are form-encoded before they are joined.
            return Optional.of(new String[] {
                java.net.URLDecoder.decode(text.substring(0, colon), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(text.substring(colon + 1), StandardCharsets.UTF_8)
            });
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Compares digests, so neither the length nor the content of the secret leaks through timing. */
    private static boolean equal(String presented, String expected) {
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
