package dev.watchword.events.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The format of a one-time secret (a link token, a code) sealed inside an event for the one service that
 * must read it, so that the log never holds it in clear (CONVENTIONS.md, "Events are a permanent public
 * contract"; OWASP ASVS 5.0 V11.3). AES-256-GCM with a random 96-bit nonce; the text is
 * {@code base64url(nonce || ciphertext || tag)}. The aggregate id is bound as associated data, so a sealed
 * value copied into another user's event does not open.
 */
public final class SealedSecret {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;

    private SealedSecret(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A sealing key is 32 bytes (AES-256), got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @param base64Key 32 random bytes, base64 (standard or URL-safe alphabet) */
    public static SealedSecret withKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException("No sealing key configured");
        }
        String k = base64Key.trim().replace('-', '+').replace('_', '/');
        return new SealedSecret(Base64.getDecoder().decode(k));
    }

    public String seal(String secret, String boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, secret.getBytes(StandardCharsets.UTF_8), boundTo);
        byte[] out = new byte[NONCE_BYTES + sealed.length];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** @throws IllegalArgumentException when the text was not sealed with this key for {@code boundTo} */
    public String open(String sealedText, String boundTo) {
        byte[] in = Base64.getUrlDecoder().decode(sealedText);
        if (in.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("Sealed text too short");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(in, 0, NONCE_BYTES);
        byte[] body = java.util.Arrays.copyOfRange(in, NONCE_BYTES, in.length);
        return new String(crypt(Cipher.DECRYPT_MODE, nonce, body, boundTo), StandardCharsets.UTF_8);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, String boundTo) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("Sealed text does not open with this key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
