package dev.watchword.command.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared secret of operator-only endpoints, from {@code WATCHWORD_OPERATOR_TOKEN}: at least 32 characters
 * (e.g. {@code openssl rand -base64 32}; OWASP ASVS 5.0 V13.3.1). Unset, the operator endpoints are off.
 */
public final class OperatorToken {

    static final int MINIMUM_LENGTH = 32;

    private final byte[] digest;

    private OperatorToken(byte[] digest) {
        this.digest = digest;
    }

    public static OperatorToken of(String token) {
        if (token == null || token.isBlank()) {
            return new OperatorToken(null);
        }
        if (token.strip().length() < MINIMUM_LENGTH) {
            throw new IllegalStateException("WATCHWORD_OPERATOR_TOKEN must be at least " + MINIMUM_LENGTH
                    + " characters (openssl rand -base64 32)");
        }
        return new OperatorToken(sha256(token.strip()));
    }

    public boolean enabled() {
        return digest != null;
    }

    /** Compares digests in constant time, so the answer time says nothing about how much of a guess matched. */
    public boolean matches(String presented) {
        return enabled() && presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "OperatorToken[" + (enabled() ? "set" : "unset") + "]";
    }
}
