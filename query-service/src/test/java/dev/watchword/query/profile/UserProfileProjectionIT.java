package dev.watchword.query.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.envelope.EventCatalog;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.LoginSucceeded;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UserProfileProjectionIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);
    private static final Instant REGISTERED_AT = Instant.parse("2026-11-25T10:15:30Z");

    @Autowired
    private UserProfiles profiles;

    @Test
    void projectWhenRegisteredVerifiedAndLoggedInThenProfileServedAtMe() {
        // given
        String userId = randomId();
        String email = randomEmail();
        String sessionId = randomId();
        Instant loginAt = REGISTERED_AT.plus(2, ChronoUnit.MINUTES);

        // when
        publish(new UserRegistered(userId, email, "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", REGISTERED_AT));
        publish(new EmailVerified(userId, email, REGISTERED_AT.plusSeconds(60)));
        publish(new LoginSucceeded(userId, sessionId, "127.0.0.1", "it", loginAt, null));

        // then
        await().atMost(PROJECTED_WITHIN)
                .untilAsserted(() -> assertThat(profiles.getUserProfileById(userId))
                        .hasValue(new UserProfile(userId, email, true, List.of("user"), REGISTERED_AT, loginAt, 1)));
        for (String path : List.of("/api/users/me", "/api/users/me/")) {
            HttpResponse<String> response = get(path, accessToken(userId, sessionId));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            JsonNode body = body(response);
            assertThat(body.fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("id", "email", "email_verified", "roles", "created_at");
            assertThat(body.get("id").asText()).isEqualTo(userId);
            assertThat(body.get("email").asText()).isEqualTo(email);
            assertThat(body.get("email_verified").asBoolean()).isTrue();
            assertThat(body.get("roles"))
                    .hasSize(1)
                    .first()
                    .extracting(JsonNode::asText)
                    .isEqualTo("user");
            assertThat(Instant.parse(body.get("created_at").asText())).isEqualTo(REGISTERED_AT);
        }
    }

    @Test
    void meWhenEmailChangedThenNewAddressServedAsVerified() {
        // given
        String userId = randomId();
        String previous = randomEmail();
        String changed = randomEmail();
        publish(new UserRegistered(userId, previous, "hash", REGISTERED_AT));

        // when
        publish(new EmailChanged(userId, previous, changed, REGISTERED_AT.plusSeconds(600)));

        // then
        await().atMost(PROJECTED_WITHIN)
                .untilAsserted(() -> assertThat(profiles.getUserProfileById(userId))
                        .hasValueSatisfying(
                                profile -> assertThat(profile.email()).isEqualTo(changed)));
        HttpResponse<String> response = get("/api/users/me", accessToken(userId, randomId()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("email").asText()).isEqualTo(changed);
        assertThat(body(response).get("email_verified").asBoolean()).isTrue();
    }

    @Test
    void projectWhenSameEnvelopeDeliveredTwiceThenAppliedOnce() {
        // given
        String userId = randomId();
        publish(new UserRegistered(userId, randomEmail(), "hash", REGISTERED_AT));
        Instant firstLogin = REGISTERED_AT.plusSeconds(10);
        Instant secondLogin = REGISTERED_AT.plusSeconds(20);
        EventEnvelope login = publish(new LoginSucceeded(userId, randomId(), "127.0.0.1", "it", firstLogin, null));

        // when: Kafka redelivers the first login, then a second login follows on the same partition
        publish(login);
        publish(new LoginSucceeded(userId, randomId(), "127.0.0.1", "it", secondLogin, null));

        // then: once the second login is visible the duplicate has been handled too (same key, same order)
        await().atMost(PROJECTED_WITHIN)
                .untilAsserted(() -> assertThat(profiles.getUserProfileById(userId))
                        .hasValueSatisfying(
                                profile -> assertThat(profile.lastLoginAt()).isEqualTo(secondLogin)));
        assertThat(profiles.getUserProfileById(userId))
                .get()
                .extracting(UserProfile::loginCount)
                .isEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = :id")
                        .param("id", login.eventId())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void projectWhenMessageUnreadableOrOfUnknownTypeThenSkippedAndLaterEventsApplied() {
        // given
        String userId = randomId();
        EventEnvelope future = new EventEnvelope(
                randomId(),
                "SomethingFromANewerProducer",
                null,
                userId,
                0,
                0,
                Instant.now(),
                json.createObjectNode().put("userId", userId));

        // when
        publishRaw(userId, "not an envelope".getBytes(StandardCharsets.UTF_8));
        publishRaw(userId, null);
        publish(future);
        publish(new UserRegistered(userId, randomEmail(), "hash", REGISTERED_AT));

        // then
        await().atMost(PROJECTED_WITHIN)
                .until(() -> profiles.getUserProfileById(userId).isPresent());
        assertThat(EventCatalog.typeNamed(future.type())).isEmpty();
    }

    @Test
    void projectWhenDatabaseFailsThenEventRetriedUntilApplied() {
        // given: inserts of this user's profile fail, as they would while the database is down; the sequence
        // counts attempts because, unlike a table, nextval survives the rollback
        String userId = randomId();
        String email = randomEmail();
        String suffix = userId.replace("-", "");
        jdbc.sql("create sequence attempt_" + suffix).update();
        jdbc.sql("""
                create function fail_%1$s() returns trigger language plpgsql as $$
                begin
                    perform nextval('attempt_%1$s');
                    raise exception 'simulated outage';
                end $$""".formatted(suffix)).update();
        jdbc.sql("create trigger fail_%1$s before insert on user_profile for each row when (new.email = '%2$s') "
                                .formatted(suffix, email)
                        + "execute function fail_" + suffix + "()")
                .update();
        try {
            // when
            publish(new UserRegistered(userId, email, "hash", REGISTERED_AT));

            // then: attempted again and again, not skipped
            await().atMost(PROJECTED_WITHIN).until(() -> attempts(suffix) >= 3);
            assertThat(profiles.getUserProfileById(userId)).isEmpty();
        } finally {
            jdbc.sql("drop trigger fail_" + suffix + " on user_profile").update();
        }
        await().atMost(PROJECTED_WITHIN)
                .until(() -> profiles.getUserProfileById(userId).isPresent());
        jdbc.sql("drop function fail_" + suffix + "()").update();
        jdbc.sql("drop sequence attempt_" + suffix).update();
    }

    @Test
    void meWhenProfileNotProjectedYetThen404Problem() {
        // when
        HttpResponse<String> response = get("/api/users/me/", accessToken(randomId(), randomId()));

        // then
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(body(response).get("code").asText()).isEqualTo("PROFILE_NOT_FOUND");
        assertThat(body(response).get("status").asInt()).isEqualTo(404);
    }

    private long attempts(String suffix) {
        return jdbc.sql("select case when is_called then last_value else 0 end from attempt_" + suffix)
                .query(Long.class)
                .single();
    }
}
