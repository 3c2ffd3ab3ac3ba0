package dev.watchword.command.signingkey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key-encryption key of the signing keys at rest, from {@code WATCHWORD_MASTER_KEY} (32 random bytes,
 * base64), so that a copy of the database alone (a backup, a read replica, an SQL injection) does not yield a
 * key that mints access tokens (OWASP ASVS 5.0 V13.3.1; V11.3.2, AES-GCM). AES-256-GCM with a random 96-bit
 * nonce; the stored bytes are {@code nonce || ciphertext || tag}. The {@code kid} is bound as associated data,
 * so a sealed private key moved onto another row does not open.
 */
public final class MasterKey {

    static final String VARIABLE = "WATCHWORD_MASTER_KEY";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;

    private MasterKey(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * @param base64Key 32 random bytes, base64 (standard or URL-safe alphabet)
     * @throws UnusableMasterKey when it is absent or not 32 bytes
     */
    public static MasterKey fromBase64(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new UnusableMasterKey(VARIABLE + " is not set");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder()
                    .decode(base64Key.trim().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException notBase64) {
            throw new UnusableMasterKey(VARIABLE + " is not base64");
        }
        if (bytes.length != 32) {
            throw new UnusableMasterKey(VARIABLE + " is " + bytes.length + " bytes, not 32 (AES-256)");
        }
        return new MasterKey(bytes);
    }

    public byte[] seal(byte[] plaintext, String kid) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, nonce, plaintext, kid);
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return out;
    }

    /** @throws IllegalArgumentException when the bytes were not sealed with this key for {@code kid} */
    public byte[] open(byte[] sealed, String kid) {
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("Sealed key too short");
        }
        return crypt(
                Cipher.DECRYPT_MODE,
                Arrays.copyOf(sealed, NONCE_BYTES),
                Arrays.copyOfRange(sealed, NONCE_BYTES, sealed.length),
                kid);
    }

    private byte[] crypt(int mode, byte[] nonce, byte[] input, String kid) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("Does not open with this master key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
