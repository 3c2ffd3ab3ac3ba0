package dev.watchword.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.envelope.EventCatalog;
import org.junit.jupiter.api.Test;

class RedactedPayloadTest {

    @Test
    void ofWhenSecretFieldsAnywhereThenReplacedAndTheRestKept() throws Exception {
        JsonNode payload = EventCatalog.json().readTree("""
                {"userId": "u1", "passwordHash": "p", "tokenHash": "t", "encryptedToken": "e", "codeHash": "c",
                 "encryptedCode": "ec", "keyHash": "k", "refreshTokenHash": "r", "previousTokenHash": "pr",
                 "nested": {"tokenHash": "nt", "list": [{"keyHash": "lk", "prefix": "wwk"}]},
                 "empty": {"codeHash": null}}""");

        JsonNode redacted = RedactedPayload.of(payload);

        assertThat(redacted.toString())
                .doesNotContain(
                        "\"p\"", "\"t\"", "\"e\"", "\"c\"", "\"ec\"", "\"k\"", "\"r\"", "\"pr\"", "\"nt\"", "\"lk\"");
        for (String field : RedactedPayload.FIELDS) {
            assertThat(redacted.get(field).asText()).as(field).isEqualTo("[redacted]");
        }
        assertThat(redacted.get("userId").asText()).isEqualTo("u1");
        assertThat(redacted.at("/nested/tokenHash").asText()).isEqualTo("[redacted]");
        assertThat(redacted.at("/nested/list/0/keyHash").asText()).isEqualTo("[redacted]");
        assertThat(redacted.at("/nested/list/0/prefix").asText()).isEqualTo("wwk");
        assertThat(redacted.at("/empty/codeHash").isNull()).isTrue();
        assertThat(payload.get("passwordHash").asText()).isEqualTo("p");
    }

    @Test
    void fieldsWhenDerivedFromTheEventRecordsThenTheListKeptBefore() {
        assertThat(RedactedPayload.FIELDS)
                .containsExactlyInAnyOrder(
                        "passwordHash",
                        "tokenHash",
                        "encryptedToken",
                        "codeHash",
                        "encryptedCode",
                        "keyHash",
                        "refreshTokenHash",
                        "previousTokenHash");
    }
}
