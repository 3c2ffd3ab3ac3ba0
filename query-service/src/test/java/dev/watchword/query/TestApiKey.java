package dev.watchword.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * An API key made as command-service's {@code AppCredentials} makes them: {@code wwk_<8 base62>_<43 base64url>},
 * recorded by its SHA-256 (base64url, unpadded) in {@code ApiKeyIssued.keyHash}.
 */
public record TestApiKey(String keyId, String key) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static TestApiKey generate() {
        StringBuilder keyId = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            keyId.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new TestApiKey(
                keyId.toString(),
                "wwk_" + keyId + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    public String prefix() {
        return "wwk_" + keyId;
    }

    public String hash() {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
