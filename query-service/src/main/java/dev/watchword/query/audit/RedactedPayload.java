package dev.watchword.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.watchword.events.sensitive.Secret;
import dev.watchword.events.sensitive.SensitiveFields;
import java.util.Map;
import java.util.Set;

/**
 * A payload as auditors see it. Events never hold a secret in clear (CONVENTIONS.md), but they do hold password
 * hashes, token and key hashes and sealed one-time codes: an auditor needs what happened, not those, so their
 * values are replaced wherever they occur in the payload, nested objects and arrays included.
 */
final class RedactedPayload {

    static final String REDACTED = "[redacted]";
    /** The fields the event records mark {@link Secret}, published or not. */
    static final Set<String> FIELDS = SensitiveFields.secrets();

    private RedactedPayload() {}

    /** A redacted copy; the stored payload is left as it is. A field that is {@code null} stays {@code null}. */
    static JsonNode of(JsonNode payload) {
        JsonNode copy = payload.deepCopy();
        redact(copy);
        return copy;
    }

    private static void redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (FIELDS.contains(field.getKey()) && !field.getValue().isNull()) {
                    field.setValue(TextNode.valueOf(REDACTED));
                } else {
                    redact(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(RedactedPayload::redact);
        }
    }
}
