package dev.watchword.command.onetimesecret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An opaque bearer secret that names its owner: {@code <userId>.<secret>}, the secret being 256 random bits
 * (OWASP ASVS 5.0 V7.2.3, at least 128 bits of entropy). Only {@link #hash()} is ever stored; the user id
 * lets the server find the aggregate without a lookup table. Used for refresh tokens and one-time links.
 */
public record OpaqueToken(String userId, String secret) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");

    public static OpaqueToken issueFor(String userId) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new OpaqueToken(userId, B64.encodeToString(bytes));
    }

    /** Empty for anything that is not a well-formed token, so callers answer bad input like a wrong token. */
    public static Optional<OpaqueToken> parse(String text) {
        if (text == null || text.length() > 100) {
            return Optional.empty();
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String user = text.substring(0, dot);
        String secret = text.substring(dot + 1);
        if (!SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OpaqueToken(UUID.fromString(user).toString(), secret));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    /** SHA-256 is enough for a 256-bit random secret: there is nothing to brute-force (ASVS 5.0 V11.4.2). */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return B64.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String value() {
        return userId + "." + secret;
    }

    @Override
    public String toString() {
        return "OpaqueToken[userId=" + userId + "]";
    }
}
