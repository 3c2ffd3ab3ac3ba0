package dev.watchword.command.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Makes client ids and API keys. An API key is {@code wwk_<keyId>_<secret>}: {@code keyId} is 8 base62
 * characters (it names the key in the admin API and in logs), {@code secret} is 256 random bits, base64url.
 * The key is stored only as its SHA-256 hash: with 256 bits of entropy a fast hash is enough, a slow password
 * hash would add cost to every request and no safety (OWASP ASVS 5.0 V11.4.2 is about low-entropy secrets).
 */
@Component
public class AppCredentials {

    public static final String KEY_PREFIX = "wwk_";
    static final String CLIENT_ID_PREFIX = "app_";

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int KEY_ID_LENGTH = 8;
    private static final int CLIENT_ID_LENGTH = 20;
    private static final int SECRET_BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    /** The public identifier a browser or mobile app sends; not a secret. */
    public String newClientId() {
        return CLIENT_ID_PREFIX + base62(CLIENT_ID_LENGTH);
    }

    public NewApiKey newApiKey() {
        String keyId = base62(KEY_ID_LENGTH);
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String prefix = KEY_PREFIX + keyId;
        String key = prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewApiKey(key, new StoredApiKey(keyId, prefix, hashOf(key)));
    }

    /** SHA-256 of the whole key, base64url without padding: what {@code ApiKeyIssued.keyHash} holds. */
    public static String hashOf(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private String base62(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return out.toString();
    }
}
