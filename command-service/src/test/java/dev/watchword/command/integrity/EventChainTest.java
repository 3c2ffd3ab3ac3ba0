package dev.watchword.command.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EventChainTest {

    private static final StoredEvent EVENT = new StoredEvent(
            7,
            "event-1",
            "user-1",
            0,
            "User",
            "dev.watchword.events.user.UserRegistered",
            null,
            "2025-01-01T00:00:00Z",
            "{\"email\":\"a@example.com\"}".getBytes(StandardCharsets.UTF_8),
            "{\"traceId\":\"t\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void linkWhenSameInputThenSameHash() {
        byte[] first = EventChain.link(EventChain.GENESIS, EVENT);
        byte[] second = EventChain.link(EventChain.GENESIS.clone(), copy(EVENT));

        assertThat(first).hasSize(32).isEqualTo(second);
    }

    @Test
    void linkWhenFirstEventThenSha256OfZeroHashAndCanonicalBytes() throws Exception {
        var sha256 = java.security.MessageDigest.getInstance("SHA-256");
        sha256.update(new byte[32]);

        assertThat(EventChain.link(EventChain.GENESIS, EVENT)).isEqualTo(sha256.digest(EventChain.canonical(EVENT)));
    }

    @Test
    void linkWhenPreviousHashDiffersThenHashDiffers() {
        byte[] previous = HexFormat.of().parseHex("01".repeat(32));

        assertThat(EventChain.link(previous, EVENT)).isNotEqualTo(EventChain.link(EventChain.GENESIS, EVENT));
    }

    @Nested
    class AnyChangedField {

        private final byte[] original = EventChain.link(EventChain.GENESIS, EVENT);

        @Test
        void linkWhenGlobalIndexChangedThenHashDiffers() {
            assertChanged(new StoredEvent(
                    8,
                    EVENT.eventIdentifier(),
                    EVENT.aggregateIdentifier(),
                    EVENT.sequenceNumber(),
                    EVENT.aggregateType(),
                    EVENT.payloadType(),
                    EVENT.payloadRevision(),
                    EVENT.timestamp(),
                    EVENT.payload(),
                    EVENT.metadata()));
        }

        @Test
        void linkWhenEventIdentifierChangedThenHashDiffers() {
            assertChanged(new StoredEvent(
                    7,
                    "event-2",
                    EVENT.aggregateIdentifier(),
                    EVENT.sequenceNumber(),
                    EVENT.aggregateType(),
                    EVENT.payloadType(),
                    EVENT.payloadRevision(),
                    EVENT.timestamp(),
                    EVENT.payload(),
                    EVENT.metadata()));
        }

        @Test
        void linkWhenAggregateIdentifierChangedThenHashDiffers() {
            assertChanged(new StoredEvent(
                    7,
                    EVENT.eventIdentifier(),
                    "user-2",
                    EVENT.sequenceNumber(),
                    EVENT.aggregateType(),
                    EVENT.payloadType(),
                    EVENT.payloadRevision(),
                    EVENT.timestamp(),
                    EVENT.payload(),
                    EVENT.metadata()));
        }

        @Test
        void linkWhenSequenceNumberChangedThenHashDiffers() {
            assertChanged(new StoredEvent(
                    7,
                    EVENT.eventIdentifier(),
                    EVENT.aggregateIdentifier(),
                    1,
                    EVENT.aggregateType(),
                    EVENT.payloadType(),
                    EVENT.payloadRevision(),
                    EVENT.timestamp(),
                    EVENT.payload(),
                    EVENT.metadata()));
        }

        @Test
        void linkWhenAggregateTypeChangedThenHashDiffers() {
            assertChanged(new StoredEvent(
                    7,
                    EVENT.eventIdentifier(),
                    EVENT.aggregateIdentifier(),
                    EVENT.sequenceNumber(),
                    "Client",
                    EVENT.payloadType(),
                    EVENT.payloadRevision(),
                    EVENT.timestamp(),
                    EVENT.payload(),
                    EVENT.metadata()));
        }

        @Test
        void linkWhenPayloadTypeChangedThenHashDiffers() {
            assertChanged(new StoredEvent(
                    7,
                    EVENT.eventIdentifier(),
                    EVENT.aggregateIdentifier(),
                    EVENT.sequenceNumber(),
                    EVENT.aggregateType(),
                    "dev.watchword.events.user.RoleAssigned",
                    EVENT.payloadRevision(),
                    EVENT.timestamp(),
                    EVENT.payload(),
                    EVENT.metadata()));
        }

        @Test
        void linkWhenPayloadRevisionChangedFromNullToEmptyThenHashDiffers() {
            assertChanged(new StoredEvent(
                    7,
                    EVENT.eventIdentifier(),
                    EVENT.aggregateIdentifier(),
                    EVENT.sequenceNumber(),
                    EVENT.aggregateType(),
                    EVENT.payloadType(),
                    "",
                    EVENT.timestamp(),
                    EVENT.payload(),
                    EVENT.metadata()));
        }

        @Test
        void linkWhenTimestampChangedThenHashDiffers() {
            assertChanged(new StoredEvent(
                    7,
                    EVENT.eventIdentifier(),
                    EVENT.aggregateIdentifier(),
                    EVENT.sequenceNumber(),
                    EVENT.aggregateType(),
                    EVENT.payloadType(),
                    EVENT.payloadRevision(),
                    "2025-01-01T00:00:01Z",
                    EVENT.payload(),
                    EVENT.metadata()));
        }

        @Test
        void linkWhenOnePayloadByteChangedThenHashDiffers() {
            byte[] payload = EVENT.payload().clone();
            payload[payload.length - 2] ^= 1;
            assertChanged(new StoredEvent(
                    7,
                    EVENT.eventIdentifier(),
                    EVENT.aggregateIdentifier(),
                    EVENT.sequenceNumber(),
                    EVENT.aggregateType(),
                    EVENT.payloadType(),
                    EVENT.payloadRevision(),
                    EVENT.timestamp(),
                    payload,
                    EVENT.metadata()));
        }

        @Test
        void linkWhenMetadataChangedThenHashDiffers() {
            assertChanged(new StoredEvent(
                    7,
                    EVENT.eventIdentifier(),
                    EVENT.aggregateIdentifier(),
                    EVENT.sequenceNumber(),
                    EVENT.aggregateType(),
                    EVENT.payloadType(),
                    EVENT.payloadRevision(),
                    EVENT.timestamp(),
                    EVENT.payload(),
                    "{}".getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void linkWhenBytesShiftedBetweenNeighbouringFieldsThenHashDiffers() {
            // "event-1" + "user-1" and "event-1u" + "ser-1" concatenate to the same text
            assertChanged(new StoredEvent(
                    7,
                    "event-1u",
                    "ser-1",
                    EVENT.sequenceNumber(),
                    EVENT.aggregateType(),
                    EVENT.payloadType(),
                    EVENT.payloadRevision(),
                    EVENT.timestamp(),
                    EVENT.payload(),
                    EVENT.metadata()));
        }

        @Test
        void linkWhenPayloadAndMetadataSwappedThenHashDiffers() {
            assertChanged(new StoredEvent(
                    7,
                    EVENT.eventIdentifier(),
                    EVENT.aggregateIdentifier(),
                    EVENT.sequenceNumber(),
                    EVENT.aggregateType(),
                    EVENT.payloadType(),
                    EVENT.payloadRevision(),
                    EVENT.timestamp(),
                    EVENT.metadata(),
                    EVENT.payload()));
        }

        private void assertChanged(StoredEvent changed) {
            assertThat(EventChain.link(EventChain.GENESIS, changed)).isNotEqualTo(original);
        }
    }

    @Test
    void linkWhenTwoEventsSwappedInOrderThenChainHeadDiffers() {
        StoredEvent other = new StoredEvent(
                8,
                "event-2",
                "user-1",
                1,
                "User",
                "dev.watchword.events.user.EmailVerified",
                null,
                "2025-01-01T00:00:01Z",
                "{}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));

        byte[] inOrder = EventChain.link(EventChain.link(EventChain.GENESIS, EVENT), other);
        byte[] swapped = EventChain.link(EventChain.link(EventChain.GENESIS, other), EVENT);

        assertThat(swapped).isNotEqualTo(inOrder);
    }

    private static StoredEvent copy(StoredEvent event) {
        return new StoredEvent(
                event.globalIndex(),
                new String(event.eventIdentifier()),
                new String(event.aggregateIdentifier()),
                event.sequenceNumber(),
                event.aggregateType(),
                event.payloadType(),
                event.payloadRevision(),
                event.timestamp(),
                event.payload().clone(),
                event.metadata().clone());
    }
}
