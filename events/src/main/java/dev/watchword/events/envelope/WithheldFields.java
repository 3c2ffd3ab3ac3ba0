package dev.watchword.events.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchword.events.sensitive.Secret;
import dev.watchword.events.sensitive.SensitiveFields;
import java.util.Set;

/**
 * The payload fields that the event store keeps and the Kafka topic never carries: hashes of credentials and of
 * one-time secrets. No consumer reads them (command-service alone checks passwords, links, codes and refresh
 * tokens, against its own store), and a hash on the topic would spread into every consumer's tables, logs and
 * backups, where an Argon2id hash can be cracked offline and a token hash replayed against a leaked database
 * (OWASP ASVS 5.0 V11.4, V14.2.4: no sensitive data where it is not needed). The fields stay in the payload as
 * JSON {@code null}, so its shape is as the contract states and an older reader keeps working.
 * <p>
 * Not withheld: the sealed {@code encryptedToken}/{@code encryptedCode}, which notification-service must open to
 * put a link or code in an email, and {@code ApiKeyIssued.keyHash}, by which query-service recognizes an app's
 * API key (256 random bits, so its SHA-256 reveals nothing; the signature of the envelope, see
 * {@link EnvelopeSignature}, makes the topic no way to plant one).
 */
public final class WithheldFields {

    /** Withheld from every event type that has them: the fields marked {@link Secret} and not published. */
    public static final Set<String> NAMES = SensitiveFields.withheld();

    private WithheldFields() {}

    /** The envelope as it may be published: every withheld field that holds a value set to {@code null}. */
    public static EventEnvelope withheldFrom(EventEnvelope envelope) {
        if (!(envelope.payload() instanceof ObjectNode payload)
                || NAMES.stream().noneMatch(payload::hasNonNull)) {
            return envelope;
        }
        ObjectNode published = payload.deepCopy();
        NAMES.stream().filter(published::has).forEach(published::putNull);
        return new EventEnvelope(
                envelope.eventId(),
                envelope.type(),
                envelope.revision(),
                envelope.aggregateId(),
                envelope.sequenceNumber(),
                envelope.globalIndex(),
                envelope.occurredAt(),
                published);
    }

    /** Whether the payload holds a value in any withheld field. */
    public static boolean anyIn(JsonNode payload) {
        return payload != null && NAMES.stream().anyMatch(payload::hasNonNull);
    }
}
