package dev.watchword.command.integrity;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The link function of the event chain: {@code hash_n = SHA-256(hash_(n-1) || canonical(event_n))}, starting
 * from {@link #GENESIS}. Every column of the stored row is length-prefixed (a 4-byte big-endian length, -1 for
 * SQL NULL), so no byte can move from one field into its neighbour without changing the hash, and NULL differs
 * from empty. Besides the columns the design names, the aggregate type ({@code type}) is covered too: it is
 * stored with the event and an edit of it would otherwise go unnoticed.
 */
public final class EventChain {

    /** The hash before the first event: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];

    private EventChain() {}

    public static byte[] link(byte[] previous, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(previous);
        sha256.update(canonical(event));
        return sha256.digest();
    }

    static byte[] canonical(StoredEvent event) {
        ByteArrayOutputStream bytes =
                new ByteArrayOutputStream(256 + length(event.payload()) + length(event.metadata()));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            field(
                    out,
                    ByteBuffer.allocate(Long.BYTES).putLong(event.globalIndex()).array());
            field(out, utf8(event.eventIdentifier()));
            field(out, utf8(event.aggregateIdentifier()));
            field(
                    out,
                    ByteBuffer.allocate(Long.BYTES)
                            .putLong(event.sequenceNumber())
                            .array());
            field(out, utf8(event.aggregateType()));
            field(out, utf8(event.payloadType()));
            field(out, utf8(event.payloadRevision()));
            field(out, utf8(event.timestamp()));
            field(out, event.payload());
            field(out, event.metadata());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void field(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] utf8(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
