package dev.watchword.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.user.CredentialChange;
import dev.watchword.events.user.CurrentPasswordCheckFailed;
import dev.watchword.events.user.EmailChangeRequested;
import dev.watchword.events.user.EmailOtpFailed;
import dev.watchword.events.user.EmailOtpRequested;
import dev.watchword.events.user.EmailVerificationRequested;
import dev.watchword.events.user.LoginFailed;
import dev.watchword.events.user.LoginFailureReason;
import dev.watchword.events.user.LoginLocked;
import dev.watchword.events.user.MagicLinkRequested;
import dev.watchword.events.user.PasswordResetRequested;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.SessionRevocationReason;
import dev.watchword.events.user.SessionRevoked;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserEvent;
import dev.watchword.events.user.UserRegistered;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/**
 * The aggregate's snapshot as Jackson writes it (the serializer of {@code AxonConfiguration}, before
 * {@code SnapshotSerializer} seals it): every part of {@link UserState} is written and read back as it was, under
 * {@link User#REVISION}. That a snapshot of another revision is never read is {@code UserSnapshotRevisionIT}'s.
 */
class UserSnapshotTest {

    private static final String USER = "7d3c7d6e-2f57-4a43-9a4c-8c4f2b1e5a10";
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String IP = "192.0.2.1";

    private final ObjectMapper mapper = EventCatalog.json().copy();
    private final JacksonSerializer serializer =
            JacksonSerializer.builder().objectMapper(mapper).build();

    /** A user with something in every part of its state: roles, pending secrets, throttle, sessions. */
    private static User userWithHistory() {
        User user = new User();
        List<UserEvent> history = List.of(
                new UserRegistered(USER, "ada@example.com", "hash-of-pw", T0),
                new RoleAssigned(USER, "admin", "admin-1", T0),
                new EmailVerificationRequested(USER, "ada@example.com", "v1", "sealed-v1", T0, T0.plusSeconds(600)),
                new PasswordResetRequested(USER, "ada@example.com", "t1", "sealed-t1", IP, T0, T0.plusSeconds(600)),
                new MagicLinkRequested(USER, "ada@example.com", "m1", "sealed-m1", IP, T0, T0.plusSeconds(600)),
                new EmailChangeRequested(
                        USER, "ada@example.com", "ada@example.org", "c1", "sealed-c1", T0, T0.plusSeconds(600)),
                new EmailOtpRequested(
                        USER, "ada@example.com", "q1", "h-123456", "sealed-q1", IP, T0, T0.plusSeconds(600)),
                new EmailOtpFailed(USER, "q1", 1, IP, "ua", T0),
                new SessionStarted(
                        USER, "s1", "r1", IP, "ua", T0, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofMinutes(5))),
                new SessionStarted(USER, "s2", "r-s2", IP, "ua", T0, T0.plus(Duration.ofDays(1))),
                new RefreshTokenRotated(
                        USER,
                        "s1",
                        "r1",
                        "r2",
                        T0.plusSeconds(60),
                        T0.plus(Duration.ofDays(1)),
                        IP,
                        "ua",
                        T0.plusSeconds(60).plus(Duration.ofMinutes(5))),
                new SessionRevoked(USER, "s2", SessionRevocationReason.LOGOUT, T0.plusSeconds(70), T0.plusSeconds(370)),
                new LoginFailed(USER, LoginFailureReason.WRONG_PASSWORD, IP, "ua", T0.plusSeconds(80)),
                new LoginLocked(USER, "ada@example.com", IP, 1, T0.plusSeconds(80), T0.plusSeconds(140)),
                new CurrentPasswordCheckFailed(
                        USER,
                        "s1",
                        CredentialChange.PASSWORD,
                        LoginFailureReason.WRONG_PASSWORD,
                        1,
                        IP,
                        "ua",
                        T0.plusSeconds(90)));
        history.forEach(user::on);
        return user;
    }

    @Test
    void serializeWhenUserHasHistoryThenEveryPartOfTheStateReadsBackTheSame() {
        SerializedObject<String> snapshot = serializer.serialize(userWithHistory(), String.class);

        User read = serializer.deserialize(snapshot);

        assertThat(tree(serializer.serialize(read, String.class))).isEqualTo(tree(snapshot));
        JsonNode state = tree(snapshot).get("state");
        assertThat(state.properties())
                .extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(UserState.class.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList());
        assertThat(state.get("sessions").get("s1").get("previousTokenHash").asText())
                .isEqualTo("r1");
        assertThat(state.get("throttle").get("consecutiveTotal").asInt()).isEqualTo(2);
        assertThat(state.get("roles")).extracting(JsonNode::asText).containsExactly("admin", "user");
    }

    @Test
    void serializeWhenUserThenTypedWithTheCurrentRevision() {
        SerializedObject<String> snapshot = serializer.serialize(userWithHistory(), String.class);

        assertThat(snapshot.getType().getName()).isEqualTo(User.class.getName());
        assertThat(snapshot.getType().getRevision()).isEqualTo(User.REVISION);
    }

    private JsonNode tree(SerializedObject<String> serialized) {
        try {
            return mapper.readTree(serialized.getData());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
