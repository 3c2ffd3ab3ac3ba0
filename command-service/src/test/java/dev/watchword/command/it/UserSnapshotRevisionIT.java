package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.watchword.command.erasure.PersonalDataKeys;
import dev.watchword.command.erasure.SnapshotSerializer;
import dev.watchword.command.user.User;
import dev.watchword.events.envelope.EventCatalog;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A snapshot of the user aggregate's earlier shape (every field on the aggregate, no revision), as the store holds
 * it from before {@link User#REVISION}: it is never read into the current shape, where it would give a user without
 * state; the user loads from its events instead, works, and gets a snapshot of the current shape in its place.
 */
class UserSnapshotRevisionIT extends ApiITSupport {

    @Autowired
    PersonalDataKeys keys;

    @Autowired
    Snapshotter snapshotter;

    @Autowired
    @Qualifier("userCache")
    Cache userCache;

    @Test
    void loginWhenOnlySnapshotIsOfTheEarlierShapeThenLoadedFromEventsAndSnapshottedAnew() {
        // given a user with more events than the snapshot threshold (20 here) and a snapshot of its latest event
        String email = newEmail();
        String userId = register(email);
        for (int i = 0; i < 10; i++) {
            login(email, PASSWORD);
        }
        snapshotter.scheduleSnapshot(User.class, userId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> snapshotsOf(userId)
                        .equals(List.of(Map.of("sequence", lastSequenceOf(userId), "revision", User.REVISION))));
        // ... which is replaced by one of the earlier shape, sealed with the user's key as those were, and the
        // user is no longer in the cache
        assertThat(jdbc.sql("UPDATE snapshotevententry SET payload = ?, payloadrevision = NULL "
                                + "WHERE aggregateidentifier = ?")
                        .params(earlierShapeSnapshot(userId, email), userId)
                        .update())
                .isOne();
        userCache.remove(userId);
        long before = lastSequenceOf(userId);

        // when the user signs in
        JsonNode tokens = login(email, PASSWORD);

        // then the user was loaded from its events, and a snapshot of the current shape took the old one's place
        assertThat(claimsOf(tokens.get("access").asText()).get("sub").asText()).isEqualTo(userId);
        assertThat(lastSequenceOf(userId)).isEqualTo(before + 2);
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        snapshotsOf(userId).equals(List.of(Map.of("sequence", before + 2, "revision", User.REVISION))));
        userCache.remove(userId);
        assertThat(http.post(
                                "/api/auth/token/refresh/",
                                Map.of("refresh", tokens.get("refresh").asText()))
                        .status())
                .as("and loads from that snapshot")
                .isEqualTo(200);
    }

    @Test
    void migrationWhenStoreHoldsSnapshotsOfTheEarlierShapeThenOnlyThoseDeleted() throws Exception {
        // given one user whose snapshot is of the earlier shape, and one whose snapshot is current
        String oldEmail = newEmail();
        String oldShape = register(oldEmail);
        String current = register(newEmail());
        snapshotter.scheduleSnapshot(User.class, oldShape);
        snapshotter.scheduleSnapshot(User.class, current);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> snapshotsOf(oldShape).size() == 1
                        && snapshotsOf(current).size() == 1);
        jdbc.sql("UPDATE snapshotevententry SET payload = ?, payloadrevision = NULL WHERE aggregateidentifier = ?")
                .params(earlierShapeSnapshot(oldShape, oldEmail), oldShape)
                .update();

        // when the migration that retires the earlier shape runs
        jdbc.sql(new String(
                        getClass()
                                .getResourceAsStream("/db/migration/V9_3__user_snapshot_revision.sql")
                                .readAllBytes(),
                        StandardCharsets.UTF_8))
                .update();

        // then the old snapshot is gone and the current one stays
        assertThat(snapshotsOf(oldShape)).isEmpty();
        assertThat(snapshotsOf(current)).extracting(row -> row.get("revision")).containsExactly(User.REVISION);
    }

    /**
     * The user as the aggregate held it before its state moved into {@code UserState}, sealed the way
     * {@code SnapshotSerializer} seals a user's snapshot.
     */
    private byte[] earlierShapeSnapshot(String userId, String email) {
        ObjectMapper mapper = EventCatalog.json().copy();
        ObjectNode user = mapper.createObjectNode()
                .put("userId", userId)
                .put("appId", "default")
                .put("email", email)
                .put("passwordHash", "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaA")
                .put("emailVerified", false)
                .putNull("verification")
                .putNull("passwordReset")
                .putNull("magicLink")
                .putNull("emailChange")
                .putNull("emailChangeTarget")
                .putNull("otp")
                .putNull("otpRequestId")
                .put("otpFailures", 0)
                .put("disabled", false)
                .put("authorizationVersion", 0);
        user.putArray("roles").add("user");
        user.putObject("throttle").put("consecutiveTotal", 0).putObject("byAddress");
        user.putObject("sessions");
        SnapshotSerializer sealing = new SnapshotSerializer(
                JacksonSerializer.builder().objectMapper(mapper).build(), mapper, keys, ObjectNode.class, "userId");
        return sealing.serialize(user, byte[].class).getData();
    }

    private List<Map<String, Object>> snapshotsOf(String userId) {
        return jdbc.sql("SELECT sequencenumber, payloadrevision FROM snapshotevententry WHERE aggregateidentifier = ?")
                .param(userId)
                .query((row, n) -> Map.<String, Object>of(
                        "sequence", row.getLong(1), "revision", String.valueOf(row.getString(2))))
                .list();
    }

    private long lastSequenceOf(String userId) {
        return jdbc.sql("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?")
                .param(userId)
                .query(Long.class)
                .single();
    }
}
