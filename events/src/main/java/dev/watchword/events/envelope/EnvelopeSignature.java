package dev.watchword.events.envelope;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authenticity of a record on the event topic: HMAC-SHA-256 (RFC 2104) under a key that command-service
 * and the consumers share ({@code WATCHWORD_EVENTS_SIGNING_KEY}, 32 random bytes, base64), over the record's key
 * and value, carried in the record header {@value #HEADER}. A consumer applies only records whose tag verifies,
 * so write access to the topic (a broker without ACLs, a leaked client credential) is no way to plant an API-key
 * hash, an erasure or an email (OWASP ASVS 5.0 V4.1.5, integrity of messages between services; V11.3.2,
 * an approved MAC). The tag is compared in constant time.
 * <p>
 * MAC input: the 4-byte big-endian length of the UTF-8 record key ({@code -1} for none), the key, the value. The
 * length prefix keeps a key/value split from being moved.
 */
public final class EnvelopeSignature {

    /** The header that carries the 32-byte tag. */
    public static final String HEADER = "watchword-signature";
    /** The variable the key comes from in every service. */
    public static final String VARIABLE = "WATCHWORD_EVENTS_SIGNING_KEY";

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private EnvelopeSignature(byte[] key) {
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /**
     * @param base64Key 32 random bytes, base64 (standard or URL-safe alphabet)
     * @throws IllegalArgumentException when it is absent, not base64 or shorter than 32 bytes
     */
    public static EnvelopeSignature withKey(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalArgumentException(VARIABLE + " is not set");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder()
                    .decode(base64Key.trim().replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(VARIABLE + " is not base64");
        }
        // RFC 2104 section 3: a key shorter than the hash output weakens the MAC.
        if (bytes.length < 32) {
            throw new IllegalArgumentException(VARIABLE + " is " + bytes.length + " bytes, at least 32 needed");
        }
        return new EnvelopeSignature(bytes);
    }

    /** The tag of a record: what goes into the {@value #HEADER} header. */
    public byte[] sign(String recordKey, byte[] value) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] keyBytes = recordKey == null ? null : recordKey.getBytes(StandardCharsets.UTF_8);
            mac.update(ByteBuffer.allocate(4)
                    .putInt(keyBytes == null ? -1 : keyBytes.length)
                    .array());
            if (keyBytes != null) {
                mac.update(keyBytes);
            }
            return mac.doFinal(value == null ? new byte[0] : value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code tag} is this key's tag of the record; {@code false} for a missing tag. */
    public boolean verifies(String recordKey, byte[] value, byte[] tag) {
        return tag != null && value != null && MessageDigest.isEqual(sign(recordKey, value), tag);
    }

    @Override
    public String toString() {
        return "EnvelopeSignature[redacted]";
    }
}
