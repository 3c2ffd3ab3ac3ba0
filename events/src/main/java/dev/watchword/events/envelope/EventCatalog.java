package dev.watchword.events.envelope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.watchword.events.app.ApiKeyIssued;
import dev.watchword.events.app.ApiKeyRetired;
import dev.watchword.events.app.ApiKeyRevoked;
import dev.watchword.events.app.AppSettingsChanged;
import dev.watchword.events.app.RoleDefined;
import dev.watchword.events.app.ClientAppRegistered;
import dev.watchword.events.user.CurrentPasswordCheckFailed;
import dev.watchword.events.app.LinkBaseUrlChanged;
import dev.watchword.events.platform.BootstrapAdminGranted;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailOtpFailed;
import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.events.user.PasswordChanged;
import dev.watchword.events.user.PasswordResetRequested;
import dev.watchword.events.user.RefreshTokenReuseDetected;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.RoleRevoked;
import dev.watchword.events.user.UserDisabled;
import dev.watchword.events.user.UserEnabled;
import dev.watchword.events.user.UserErased;
import dev.watchword.events.user.RefreshTokenGraceUsed;
import dev.watchword.events.user.PasswordRemoved;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.RegistrationAttemptedForTakenEmail;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserRegistered;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The stable wire names of the event types. A name, once published, is never reused or removed: the log and
 * the Kafka topic keep it for ever. The simple class name is the wire name, so renaming a record is a
 * breaking change that the snapshot tests report.
 */
public final class EventCatalog {

    private static final List<Class<?>> TYPES = List.of(
            UserRegistered.class,
            RegistrationAttemptedForTakenEmail.class,
            EmailVerificationRequested.class,
            EmailVerified.class,
            LoginSucceeded.class,
            LoginFailed.class,
            SessionStarted.class,
            RefreshTokenRotated.class,
            SessionRevoked.class,
            PasswordResetRequested.class,
            PasswordChanged.class,
            EmailChangeRequested.class,
            EmailChanged.class,
            MagicLinkRequested.class,
            EmailOtpRequested.class,
            EmailOtpFailed.class,
            RefreshTokenReuseDetected.class,
            LoginLocked.class,
            RoleAssigned.class,
            RoleRevoked.class,
            UserDisabled.class,
            UserEnabled.class,
            UserErased.class,
            CurrentPasswordCheckFailed.class,
            RefreshTokenGraceUsed.class,
            PasswordRemoved.class,
            ClientAppRegistered.class,
            ApiKeyIssued.class,
            ApiKeyRetired.class,
            ApiKeyRevoked.class,
            AppSettingsChanged.class,
            RoleDefined.class,
            BootstrapAdminGranted.class,
            LinkBaseUrlChanged.class);

    private static final Map<String, Class<?>> BY_NAME =
            TYPES.stream().collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // Evolution adds optional fields: an older reader must not choke on a newer event.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCatalog() {
    }

    /** The mapper every service uses for envelopes and payloads: ISO-8601 instants, unknown fields ignored. */
    public static ObjectMapper json() {
        return JSON;
    }

    public static List<Class<?>> types() {
        return TYPES;
    }

    public static Optional<Class<?>> typeNamed(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static String nameOf(Class<?> type) {
        if (!BY_NAME.containsKey(type.getSimpleName())) {
            throw new IllegalArgumentException("Not a published event type: " + type.getName());
        }
        return type.getSimpleName();
    }

    public static EventEnvelope wrap(String eventId, Object payload, String aggregateId, long sequenceNumber,
                                     long globalIndex, Instant occurredAt) {
        return new EventEnvelope(eventId, nameOf(payload.getClass()), null, aggregateId, sequenceNumber,
                globalIndex, occurredAt, JSON.valueToTree(payload));
    }

    /** The payload as its record, or empty for a type this reader does not know (a newer producer's). */
    public static Optional<Object> payloadOf(EventEnvelope envelope) {
        return typeNamed(envelope.type()).map(type -> {
            try {
                return JSON.treeToValue(envelope.payload(), type);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Unreadable " + envelope.type() + " " + envelope.eventId(), e);
            }
        });
    }

    public static byte[] toBytes(EventEnvelope envelope) {
        try {
            return JSON.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static EventEnvelope fromBytes(byte[] bytes) {
        try {
            return JSON.readValue(bytes, EventEnvelope.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Not an event envelope", e);
        }
    }
}
