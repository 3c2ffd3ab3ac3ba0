package dev.watchword.query.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.user.EmailChanged;
import dev.watchword.events.user.EmailVerified;
import dev.watchword.events.user.RoleAssigned;
import dev.watchword.events.user.UserRegistered;
import dev.watchword.query.IntegrationTestSupport;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/users/me} is served from {@link UserProfileCache}; these check that the projection keeps it
 * exact. Once the table shows a change, {@code /me} must show it well within the cache's time-to-live (30 seconds
 * by default), so a cache that only expired entries would fail here.
 */
class UserProfileCacheIT extends IntegrationTestSupport {

    private static final Duration PROJECTED_WITHIN = Duration.ofSeconds(30);
    /** Far below the default time-to-live: only the after-commit replacement can make it. */
    private static final Duration SERVED_AFTER_COMMIT_WITHIN = Duration.ofSeconds(5);

    private static final Instant REGISTERED_AT = Instant.parse("2026-11-25T10:15:30Z");

    @Autowired
    private UserProfiles table;

    @Autowired
    private UserProfileCache cache;

    @Test
    void meWhenEmailVerifiedAfterProfileCachedThenVerifiedServed() {
        // given
        String userId = randomId();
        String email = randomEmail();
        String token = registeredAndCached(userId, email);

        // when
        publish(new EmailVerified(userId, email, REGISTERED_AT.plusSeconds(60)));

        // then: replaced in memory by the commit itself, before any request reads it again
        await().atMost(PROJECTED_WITHIN)
                .until(() -> table.getUserProfileById(userId)
                        .map(UserProfile::emailVerified)
                        .orElse(false));
        await().atMost(SERVED_AFTER_COMMIT_WITHIN)
                .untilAsserted(() -> assertThat(cache.cached(userId))
                        .hasValueSatisfying(
                                profile -> assertThat(profile.emailVerified()).isTrue()));
        assertThat(me(token).get("email_verified").asBoolean()).isTrue();
    }

    @Test
    void meWhenEmailChangedAfterProfileCachedThenNewAddressServed() {
        // given
        String userId = randomId();
        String previous = randomEmail();
        String changed = randomEmail();
        String token = registeredAndCached(userId, previous);

        // when
        publish(new EmailChanged(userId, previous, changed, REGISTERED_AT.plusSeconds(600)));

        // then
        await().atMost(PROJECTED_WITHIN)
                .until(() -> table.getUserProfileById(userId)
                        .map(UserProfile::email)
                        .orElseThrow()
                        .equals(changed));
        await().atMost(SERVED_AFTER_COMMIT_WITHIN).untilAsserted(() -> {
            JsonNode me = me(token);
            assertThat(me.get("email").asText()).isEqualTo(changed);
            assertThat(me.get("email_verified").asBoolean()).isTrue();
        });
    }

    @Test
    void meWhenRoleAssignedAfterProfileCachedThenRoleServed() {
        // given
        String userId = randomId();
        String token = registeredAndCached(userId, randomEmail());

        // when
        publish(new RoleAssigned(userId, "admin", "system:bootstrap", REGISTERED_AT.plusSeconds(60)));

        // then
        await().atMost(PROJECTED_WITHIN)
                .until(() -> table.getUserProfileById(userId)
                        .map(UserProfile::roles)
                        .orElseThrow()
                        .contains("admin"));
        await().atMost(SERVED_AFTER_COMMIT_WITHIN)
                .untilAsserted(() -> assertThat(me(token).get("roles"))
                        .extracting(JsonNode::asText)
                        .containsExactly("user", "admin"));
    }

    @Test
    void meWhenProjectionRolledBackAtCommitThenUncommittedStateNeverServed() {
        // given: the update itself succeeds (and returns the new row), but a deferred constraint trigger fails the
        // commit, so the transaction rolls back after the projection ran; the sequence counts those attempts
        String userId = randomId();
        String previous = randomEmail();
        String changed = randomEmail();
        String token = registeredAndCached(userId, previous);
        String suffix = userId.replace("-", "");
        jdbc.sql("create sequence commit_attempt_" + suffix).update();
        jdbc.sql("""
                create function fail_commit_%1$s() returns trigger language plpgsql as $$
                begin
                    perform nextval('commit_attempt_%1$s');
                    raise exception 'simulated failure at commit';
                end $$""".formatted(suffix)).update();
        jdbc.sql(("create constraint trigger fail_commit_%1$s after update on user_profile deferrable initially "
                                + "deferred for each row when (new.user_id = '%2$s') execute function fail_commit_%1$s()")
                        .formatted(suffix, userId))
                .update();
        try {
            // when
            publish(new EmailChanged(userId, previous, changed, REGISTERED_AT.plusSeconds(600)));

            // then: rolled back again and again, and neither memory nor /me ever holds the new address
            await().atMost(PROJECTED_WITHIN).until(() -> commitAttempts(suffix) >= 3);
            assertThat(cache.cached(userId))
                    .hasValueSatisfying(profile -> assertThat(profile.email()).isEqualTo(previous));
            assertThat(me(token).get("email").asText()).isEqualTo(previous);
        } finally {
            jdbc.sql("drop trigger fail_commit_" + suffix + " on user_profile").update();
        }
        // once the commit succeeds, the retried event reaches memory as well
        await().atMost(PROJECTED_WITHIN)
                .untilAsserted(() -> assertThat(me(token).get("email").asText()).isEqualTo(changed));
        jdbc.sql("drop function fail_commit_" + suffix + "()").update();
        jdbc.sql("drop sequence commit_attempt_" + suffix).update();
    }

    /** Registers the user, waits for the profile and reads {@code /me} once, which puts it in memory. */
    private String registeredAndCached(String userId, String email) {
        String token = accessToken(userId, randomId());
        publish(new UserRegistered(userId, email, "hash", REGISTERED_AT));
        await().atMost(PROJECTED_WITHIN).until(() -> get("/api/users/me", token).statusCode() == 200);
        assertThat(cache.cached(userId)).hasValueSatisfying(profile -> {
            assertThat(profile.email()).isEqualTo(email);
            assertThat(profile.emailVerified()).isFalse();
            assertThat(profile.roles()).isEqualTo(List.of("user"));
        });
        return token;
    }

    private JsonNode me(String token) {
        HttpResponse<String> response = get("/api/users/me", token);
        assertThat(response.statusCode()).isEqualTo(200);
        return body(response);
    }

    private long commitAttempts(String suffix) {
        return jdbc.sql("select case when is_called then last_value else 0 end from commit_attempt_" + suffix)
                .query(Long.class)
                .single();
    }
}
