package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.user.SessionCommand.RefreshSession;
import dev.watchword.events.user.RefreshTokenRotated;
import dev.watchword.events.user.SessionStarted;
import dev.watchword.events.user.UserEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The user cache with several instances of the service: another instance appends to a user this one holds in its
 * cache (simulated by appending to the store behind this instance's repository). A refresh token the other instance
 * rotated is never accepted here, its reuse is detected and ends the session, and a session the other instance
 * started works here at once, also when the other instance appends while this one is deciding.
 */
class UserCacheIT extends ApiITSupport {

    private static final String OTHER_CLIENT = "curl/8.5.0";

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandBus commandBus;

    @Autowired
    @Qualifier("userCache")
    Cache userCache;

    @Test
    void refreshWhenAnotherInstanceRotatedTheCachedTokenThenReuseDetectedAndSessionEnded() {
        // given a user in this instance's cache, whose current token another instance then rotates
        String email = newEmail();
        String userId = register(email);
        JsonNode tokens = refresh(login(email, PASSWORD).get("refresh").asText(), "Firefox");
        String current = tokens.get("refresh").asText();
        assertThat(userCache.containsKey(userId)).isTrue();
        OpaqueToken successor = OpaqueToken.issueFor(userId);
        appendAsAnotherInstance(userId, rotation(userId, sessionOf(tokens), current, successor));

        // when the rotated-away token is presented here
        Http.Response reuse = post(current, OTHER_CLIENT);

        // then it is refused as a reuse, which ends the session and with it the other instance's successor
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        assertThat(eventsOf(userId, "RefreshTokenReuseDetected")).isOne();
        assertThat(eventsOf(userId, "SessionRevoked")).isOne();
        assertThat(post(successor.value(), OTHER_CLIENT).status()).isEqualTo(401);
    }

    @Test
    void refreshWhenAnotherInstanceStartedTheSessionThenItsTokenWorksHere() {
        // given a user in this instance's cache, who then logs in on another instance
        String email = newEmail();
        String userId = register(email);
        login(email, PASSWORD);
        assertThat(userCache.containsKey(userId)).isTrue();
        OpaqueToken started = OpaqueToken.issueFor(userId);
        Instant now = clock.instant();
        appendAsAnotherInstance(
                userId,
                new SessionStarted(
                        userId,
                        UUID.randomUUID().toString(),
                        started.hash(),
                        null,
                        null,
                        now,
                        now.plus(Duration.ofDays(1)),
                        now.plus(Duration.ofMinutes(5))));

        // when / then
        assertThat(post(started.value(), "Firefox").status()).isEqualTo(200);
    }

    @Test
    void refreshWhenAnotherInstanceRotatesTheTokenWhileThisOneDecidesThenDecidedAgainAndReuseDetected() {
        // given a user in this instance's cache, and another instance that rotates the same token just before this
        // instance appends its own rotation
        String email = newEmail();
        String userId = register(email);
        JsonNode tokens = login(email, PASSWORD);
        String current = tokens.get("refresh").asText();
        assertThat(userCache.containsKey(userId)).isTrue();
        OpaqueToken successor = OpaqueToken.issueFor(userId);
        AtomicBoolean raced = new AtomicBoolean();
        Registration interceptor = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RefreshSession refresh
                    && refresh.userId().equals(userId)
                    && raced.compareAndSet(false, true)) {
                unitOfWork.onPrepareCommit(
                        u -> appendAsAnotherInstance(userId, rotation(userId, sessionOf(tokens), current, successor)));
            }
            return chain.proceed();
        });
        Http.Response answer;
        try {
            // when
            answer = post(current, OTHER_CLIENT);
        } finally {
            interceptor.cancel();
        }

        // then this instance's rotation was not stored; decided again, the token was just rotated by another client
        assertThat(raced).isTrue();
        assertThat(answer.status()).isEqualTo(401);
        assertThat(eventsOf(userId, "RefreshTokenRotated")).isOne();
        assertThat(eventsOf(userId, "RefreshTokenReuseDetected")).isOne();
        assertThat(post(successor.value(), OTHER_CLIENT).status()).isEqualTo(401);
    }

    @Test
    void refreshWhenLoadedFromASnapshotOfTheCommittedStateThenRotationAndReuseDetectionIntact() {
        // given a user with more rotations than the snapshot threshold (20 here), snapshotted from the state a
        // command left behind, and then no longer in the cache
        String email = newEmail();
        String userId = register(email);
        String token = login(email, PASSWORD).get("refresh").asText();
        String retired = null;
        for (int i = 0; i < 25; i++) {
            if (i == 22) {
                retired = token;
            }
            token = refresh(token, "Firefox").get("refresh").asText();
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?")
                                .param(userId)
                                .query(Long.class)
                                .single()
                        > 0);
        userCache.remove(userId);

        // when / then the current token rotates, and a token retired before the snapshot is a reuse
        token = refresh(token, "Firefox").get("refresh").asText();
        assertThat(post(retired, "Firefox").status()).isEqualTo(401);
        assertThat(eventsOf(userId, "RefreshTokenReuseDetected")).isOne();
        assertThat(post(token, "Firefox").status()).isEqualTo(401);
    }

    private Http.Response post(String refreshToken, String userAgent) {
        return http.send(
                "POST", "/api/auth/token/refresh/", Map.of("User-Agent", userAgent), Map.of("refresh", refreshToken));
    }

    private JsonNode refresh(String refreshToken, String userAgent) {
        Http.Response response = post(refreshToken, userAgent);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String sessionOf(JsonNode tokens) {
        return claimsOf(tokens.get("access").asText()).get("sid").asText();
    }

    private RefreshTokenRotated rotation(String userId, String sessionId, String from, OpaqueToken to) {
        Instant now = clock.instant();
        return new RefreshTokenRotated(
                userId,
                sessionId,
                OpaqueToken.parse(from).orElseThrow().hash(),
                to.hash(),
                now,
                now.plus(Duration.ofDays(1)),
                null,
                null,
                now.plus(Duration.ofMinutes(5)));
    }

    /**
     * Appends as another instance would: straight to the store, past this instance's repository and its cache, in a
     * transaction of its own (on another thread, so that it is not part of a command running on this one).
     */
    private void appendAsAnotherInstance(String userId, UserEvent event) {
        long next = jdbc.sql("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?")
                        .param(userId)
                        .query(Long.class)
                        .single()
                + 1;
        CompletableFuture.runAsync(
                        () -> eventStore.publish(new GenericDomainEventMessage<>("User", userId, next, event)))
                .join();
    }
}
