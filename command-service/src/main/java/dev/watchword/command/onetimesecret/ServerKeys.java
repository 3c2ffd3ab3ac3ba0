package dev.watchword.command.onetimesecret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys for keyed hashes, each derived for one purpose from the configured sealing key (HMAC-SHA-256 as a
 * key derivation function, as in HKDF-Expand with one block), so that one secret in the environment serves
 * several uses without one use's output helping against another.
 */
public final class ServerKeys {

    private ServerKeys() {}

    public static SecretKeySpec derive(String base64Key, String purpose) {
        byte[] master =
                Base64.getDecoder().decode(base64Key.trim().replace('-', '+').replace('_', '/'));
        return new SecretKeySpec(hmac(new SecretKeySpec(master, "HmacSHA256"), purpose), "HmacSHA256");
    }

    public static byte[] hmac(SecretKeySpec key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
