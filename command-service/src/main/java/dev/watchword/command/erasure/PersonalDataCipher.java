package dev.watchword.command.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchword.events.user.UserEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * How one personal field of a stored event is encrypted with its user's data key (crypto-shredding):
 * AES-256-GCM with a random 96-bit nonce (OWASP ASVS 5.0 V11.3.2), the user id and the field's name as
 * associated data so that a value copied onto another user or field does not open, written as
 * {@code pii:v1:<base64url(nonce || ciphertext || tag)>} in place of the clear value.
 */
public final class PersonalDataCipher {

    static final String PREFIX = "pii:v1:";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private PersonalDataCipher() {}

    /**
     * Encrypts every clear personal field of a user event's JSON in place, with the key {@code keyFor} gives
     * (asked once, and only if there is something to encrypt); a user without a key (erased) gets its fields
     * emptied instead. @return whether anything changed
     */
    static boolean encryptFields(ObjectNode tree, String userId, Function<String, Optional<SecretKey>> keyFor) {
        Optional<SecretKey> key = null;
        boolean changed = false;
        for (String field : UserEvent.PERSONAL_FIELDS) {
            JsonNode value = tree.get(field);
            if (value == null || !value.isTextual() || isEncrypted(value.asText())) {
                continue;
            }
            if (key == null) {
                key = keyFor.apply(userId);
            }
            if (key.isEmpty()) {
                tree.putNull(field);
            } else {
                tree.put(field, encrypt(value.asText(), key.get(), userId, field));
            }
            changed = true;
        }
        return changed;
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static String encrypt(String clear, SecretKey key, String userId, String field) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, key, nonce, clear.getBytes(StandardCharsets.UTF_8), userId, field);
        byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
        System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /** @throws IllegalArgumentException when the value was not encrypted with this key for this user and field */
    public static String decrypt(String encrypted, SecretKey key, String userId, String field) {
        byte[] bytes = Base64.getUrlDecoder().decode(encrypted.substring(PREFIX.length()));
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalArgumentException("Encrypted value too short");
        }
        byte[] clear = crypt(
                Cipher.DECRYPT_MODE,
                key,
                Arrays.copyOf(bytes, NONCE_BYTES),
                Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length),
                userId,
                field);
        return new String(clear, StandardCharsets.UTF_8);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, byte[] input, String userId, String field) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((userId + "/" + field).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("Does not open with this user's key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
