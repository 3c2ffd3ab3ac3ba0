package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.envelope.EnvelopeSignature;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.envelope.WithheldFields;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the event topic carries, read as a downstream service (or anyone with read access to the topic) would: no
 * hash of a password, link, code or refresh token, and a signature on every record.
 */
class PublishedEventsIT extends ApiITSupport {

    /** The same key as {@code WATCHWORD_EVENTS_SIGNING_KEY} in the tests' application.properties. */
    private static final EnvelopeSignature SIGNATURE =
            EnvelopeSignature.withKey("c2lnbmluZy1rZXktb2YtdGhlLWV2ZW50LXRlc3RzLTM=");

    @Autowired
    EventStore eventStore;

    @Test
    void publishWhenUserRegistersLogsInRefreshesAndAsksResetThenNoCredentialHashOnTopic() {
        // given a user whose stored events hold a password hash, refresh token hashes and a reset token hash
        String email = newEmail();
        String userId = register(email);
        String refresh = login(email, PASSWORD).get("refresh").asText();
        assertThat(http.post("/api/auth/token/refresh/", Map.of("refresh", refresh))
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/auth/password/reset/", Map.of("email", email))
                        .status())
                .isEqualTo(202);
        List<String> storedHashes = storedHashesOf(userId);
        assertThat(storedHashes)
                .as("the store keeps them")
                .hasSizeGreaterThanOrEqualTo(4)
                .anySatisfy(hash -> assertThat(hash).startsWith("$argon2id$"));

        // when the events reach the topic
        List<EventEnvelope> published = topic.awaitEvent(userId, "PasswordResetRequested", KAFKA);

        // then none of them, in any field or byte, carries a hash
        String bytes = String.join(
                "\n",
                topic.recordsOf(userId).stream()
                        .map(r -> new String(r.value(), StandardCharsets.UTF_8))
                        .toList());
        assertThat(bytes).doesNotContain("$argon2id$");
        storedHashes.forEach(hash -> assertThat(bytes).doesNotContain(hash));
        assertThat(published)
                .extracting(EventEnvelope::type)
                .contains("UserRegistered", "SessionStarted", "RefreshTokenRotated", "PasswordResetRequested");
        assertThat(published)
                .noneSatisfy(e -> assertThat(WithheldFields.anyIn(e.payload())).isTrue());
        assertThat(published)
                .filteredOn(e -> e.type().equals("PasswordResetRequested"))
                .singleElement()
                .satisfies(e -> assertThat(e.payload().get("encryptedToken").asText())
                        .as("the sealed link token notification-service needs stays")
                        .isNotBlank());
    }

    @Test
    void publishWhenEventStoredThenRecordSignedWithEventsKey() {
        String userId = register(newEmail());

        topic.awaitEvent(userId, "UserRegistered", KAFKA);

        List<ConsumerRecord<String, byte[]>> records = topic.recordsOf(userId);
        assertThat(records).isNotEmpty().allSatisfy(record -> {
            Header header = record.headers().lastHeader(EnvelopeSignature.HEADER);
            assertThat(header).as("signature header").isNotNull();
            assertThat(SIGNATURE.verifies(record.key(), record.value(), header.value()))
                    .isTrue();
        });
    }

    /** Every hash field's value in the user's stored events, read back through the store (clear). */
    private List<String> storedHashesOf(String userId) {
        return eventStore
                .readEvents(userId)
                .asStream()
                .map(message -> (JsonNode) EventCatalog.json().valueToTree(message.getPayload()))
                .flatMap(payload -> WithheldFields.NAMES.stream().map(payload::get))
                .filter(Objects::nonNull)
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .toList();
    }
}
