package dev.watchword.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.watchword.events.envelope.EventEnvelope;
import dev.watchword.events.secret.SealedSecret;
import dev.watchword.events.user.UserRegistered;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * command-service through its HTTP API against real PostgreSQL and a real (in-JVM, KRaft) Kafka broker.
 */
class CommandServiceIT extends ApiITSupport {

    @Autowired
    EventStore eventStore;

    private long storedEvents(String userId, String type) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE ?")
                .params(userId, "%." + type)
                .query(Long.class)
                .single();
    }

    @Nested
    class Registration {

        @Test
        void registerWhenNewThenEventsStoredAndPublishedKeyedByUser() {
            String email = "  Ada." + UUID.randomUUID() + "@Example.COM ";
            String userId = register(email);

            List<EventEnvelope> events = topic.awaitEvent(userId, "EmailVerificationRequested", KAFKA);

            assertThat(events)
                    .extracting(EventEnvelope::type)
                    .containsExactly("UserRegistered", "EmailVerificationRequested");
            assertThat(events.getFirst().payload().get("email").asText())
                    .isEqualTo(email.strip().toLowerCase());
            // the Argon2id hash stays in the event store; the topic carries none (WithheldFields)
            assertThat(events.getFirst().payload().get("passwordHash").isNull()).isTrue();
            UserRegistered stored =
                    (UserRegistered) eventStore.readEvents(userId).next().getPayload();
            assertThat(stored.passwordHash())
                    .startsWith("$argon2id$")
                    .contains("m=19456,t=2,p=1")
                    .doesNotContain(PASSWORD);
            String sealed = events.get(1).payload().get("encryptedToken").asText();
            String token = SealedSecret.withKey(SEALING_KEY).open(sealed, userId);
            assertThat(events.get(1).payload().toString()).doesNotContain(token.substring(token.indexOf('.') + 1));
        }

        @Test
        void registerWhenAddressTakenThenSameAnswerAndOwnerToldByEvent() {
            String email = newEmail();
            Http.Response first = http.post("/api/auth/register/", Map.of("email", email, "password", PASSWORD));
            Http.Response second = http.post(
                    "/api/users/register", Map.of("email", email.toUpperCase(), "password", "another password 1"));

            assertThat(second.status()).isEqualTo(first.status()).isEqualTo(202);
            assertThat(second.body()).isEqualTo(first.body());
            String owner = jdbc.sql("SELECT user_id FROM email_registry WHERE email = ?")
                    .param(email)
                    .query(String.class)
                    .single();
            assertThat(topic.awaitEvent(owner, "RegistrationAttemptedForTakenEmail", KAFKA))
                    .extracting(EventEnvelope::type)
                    .containsOnlyOnce("UserRegistered");
        }

        @Test
        void registerWhenFiftyConcurrentForOneAddressThenExactlyOneUser() throws Exception {
            String email = newEmail();
            long before = jdbc.sql("SELECT coalesce(max(globalindex), 0) FROM domainevententry")
                    .query(Long.class)
                    .single();
            List<Callable<Integer>> attempts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                attempts.add(() -> http.post("/api/auth/register/", Map.of("email", email, "password", PASSWORD))
                        .status());
            }
            List<Integer> statuses = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
                for (Future<Integer> status : pool.invokeAll(attempts)) {
                    statuses.add(status.get());
                }
            }

            assertThat(statuses).containsOnly(202);
            assertThat(jdbc.sql("SELECT count(*) FROM email_registry WHERE email = ?")
                            .param(email)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            // The address is stored encrypted (crypto-shredding), so count the registrations since the start instead.
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM domainevententry
                            WHERE payloadtype LIKE '%.UserRegistered' AND globalindex > ?""").param(before).query(Long.class).single()).isEqualTo(1);
        }

        @Test
        void registerWhenPasswordTooShortThenPolicyProblemAndNothingStored() {
            String email = newEmail();

            Http.Response response = http.post("/api/auth/register/", Map.of("email", email, "password", "short"));

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            // The policy's own code, not bean validation's VALIDATION_FAILED: the documented contract.
            assertThat(response.json().get("code").asText()).isEqualTo("PASSWORD_TOO_SHORT");
            assertThat(jdbc.sql("SELECT count(*) FROM email_registry WHERE email = ?")
                            .param(email)
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        @Test
        void registerWhenPasswordLongThenAcceptedWhole() {
            String email = newEmail();
            String longPassword = "p".repeat(100) + "ü";
            http.post("/api/auth/register/", Map.of("email", email, "password", longPassword));

            assertThat(login(email, longPassword).get("access").asText()).isNotBlank();
            Http.Response truncated =
                    http.post("/api/auth/login/", Map.of("email", email, "password", "p".repeat(100)));
            assertThat(truncated.status()).isEqualTo(401);
        }
    }

    @Nested
    class MalformedRequests {

        @Test
        void postWhenJsonMalformedThenProblem400() {
            Http.Response response = http.post("/api/auth/login/", "{\"email\": ", "application/json");

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isEqualTo("MALFORMED_REQUEST");
            assertThat(response.body()).doesNotContain("dev.watchword").doesNotContain("Exception");
        }

        @Test
        void postWhenWrongContentTypeThenProblem415() {
            Http.Response response = http.post("/api/auth/login/", "email=a", "text/plain");

            assertThat(response.status()).isEqualTo(415);
            assertThat(response.json().get("code").asText()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        }

        @Test
        void getWhenOnlyPostAllowedThenProblem405() {
            Http.Response response = http.get("/api/auth/login/");

            assertThat(response.status()).isEqualTo(405);
            assertThat(response.json().get("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
        }

        @Test
        void postWhenBodyTooLargeThenProblem413() {
            String email = newEmail();
            Http.Response response =
                    http.post("/api/auth/register/", Map.of("email", email, "password", "x".repeat(20_000)));

            assertThat(response.status()).isEqualTo(413);
            assertThat(response.json().get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(jdbc.sql("SELECT count(*) FROM email_registry WHERE email = ?")
                            .param(email)
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        @Test
        void postWhenBodyLengthUnknownThenProblem411() {
            Http.Response response = http.postStreamed("/api/auth/login/", "{\"email\":\"a@b.c\",\"password\":\"x\"}");

            assertThat(response.status()).isEqualTo(411);
            assertThat(response.json().get("code").asText()).isEqualTo("LENGTH_REQUIRED");
        }
    }

    @Nested
    class Tokens {

        @Test
        void loginWhenPasswordRightThenAccessTokenVerifiesWithJwks() {
            String email = newEmail();
            String userId = register(email);

            JsonNode tokens = login(email, PASSWORD);

            Jws<Claims> jws = Jwts.parser()
                    .keyLocator(header -> jwksKey(((io.jsonwebtoken.ProtectedHeader) header).getKeyId()))
                    .requireIssuer("http://localhost:8080")
                    .requireAudience("watchword")
                    .build()
                    .parseSignedClaims(tokens.get("access").asText());
            assertThat(jws.getHeader().getType()).isEqualTo("at+jwt");
            assertThat(jws.getHeader().getAlgorithm()).isEqualTo("ES256");
            assertThat(jws.getPayload().getSubject()).isEqualTo(userId);
            assertThat(jws.getPayload().get("sid", String.class)).isNotBlank();
            assertThat(jws.getPayload().get("roles", List.class)).containsExactly("user");
            assertThat(jws.getPayload().getId()).isNotBlank();
            assertThat(Duration.between(
                            jws.getPayload().getIssuedAt().toInstant(),
                            jws.getPayload().getExpiration().toInstant()))
                    .isEqualTo(Duration.ofMinutes(5));
            assertThat(tokens.get("refresh").asText()).startsWith(userId + ".");
            assertThat(tokens.get("expires_in").asLong()).isEqualTo(300);
        }

        @Test
        void loginWhenPasswordWrongOrEmailUnknownThenSameGeneric401AndFailureRecorded() {
            String email = newEmail();
            String userId = register(email);

            Http.Response wrongPassword =
                    http.post("/api/auth/login/", Map.of("email", email, "password", "nope nope"));
            Http.Response unknownEmail =
                    http.post("/api/auth/login/", Map.of("email", newEmail(), "password", "nope nope"));

            assertThat(wrongPassword.status()).isEqualTo(unknownEmail.status()).isEqualTo(401);
            assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body());
            assertThat(wrongPassword.json().get("code").asText()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(storedEvents(userId, "LoginFailed")).isEqualTo(1);
        }

        @Test
        void loginResponseWhenIssuedThenNotCacheable() {
            String email = newEmail();
            register(email);

            Http.Response response = http.post("/api/auth/login/", Map.of("email", email, "password", PASSWORD));

            assertThat(response.header("Cache-Control")).contains("no-store");
        }

        @Test
        void refreshWhenRotatedThenOldTokenRejectedAfterGraceWindow() {
            String email = newEmail();
            register(email);
            String first = login(email, PASSWORD).get("refresh").asText();

            Http.Response refreshed = http.post("/api/auth/token/refresh/", Map.of("refresh", first));
            String second = refreshed.json().get("refresh").asText();
            clock.advance(Duration.ofSeconds(6));
            Http.Response replay = http.post("/api/auth/token/refresh", Map.of("refresh", first));

            assertThat(refreshed.status()).isEqualTo(200);
            assertThat(refreshed.json().get("access").asText()).isNotBlank();
            assertThat(second).isNotEqualTo(first);
            assertThat(replay.status()).isEqualTo(401);
            assertThat(replay.json().get("code").asText()).isEqualTo("INVALID_REFRESH_TOKEN");
        }

        @Test
        void logoutWhenRefreshTokenPresentedThenSessionEnds() {
            String email = newEmail();
            register(email);
            String refresh = login(email, PASSWORD).get("refresh").asText();

            Http.Response logout = http.post("/api/auth/logout/", Map.of("refresh", refresh));
            Http.Response afterLogout = http.post("/api/auth/token/refresh/", Map.of("refresh", refresh));

            assertThat(logout.status()).isEqualTo(204);
            assertThat(afterLogout.status()).isEqualTo(401);
        }

        @Test
        void refreshWhenTokenGarbageOrForeignThenGeneric401() {
            assertThat(http.post("/api/auth/token/refresh/", Map.of("refresh", "garbage"))
                            .status())
                    .isEqualTo(401);
            String unknownUser = UUID.randomUUID() + "." + "A".repeat(43);
            assertThat(http.post("/api/auth/token/refresh/", Map.of("refresh", unknownUser))
                            .status())
                    .isEqualTo(401);
        }

        @Test
        void refreshWhenManyRotationsThenSnapshotTaken() {
            String email = newEmail();
            String userId = register(email);
            String refresh = login(email, PASSWORD).get("refresh").asText();

            for (int i = 0; i < 25; i++) {
                refresh = http.post("/api/auth/token/refresh/", Map.of("refresh", refresh))
                        .json()
                        .get("refresh")
                        .asText();
            }

            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> jdbc.sql("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?")
                                    .param(userId)
                                    .query(Long.class)
                                    .single()
                            > 0);
            assertThat(http.post("/api/auth/token/refresh/", Map.of("refresh", refresh))
                            .status())
                    .isEqualTo(200);
        }

        private PublicKey jwksKey(String kid) {
            JsonNode keys = http.get("/.well-known/jwks.json").json().get("keys");
            for (JsonNode key : keys) {
                if (key.get("kid").asText().equals(kid)) {
                    Jwk<?> jwk = Jwks.parser().build().parse(key.toString());
                    return ((PublicJwk<?>) jwk).toKey();
                }
            }
            throw new AssertionError("kid " + kid + " not in JWKS");
        }
    }

    @Nested
    class Verification {

        @Test
        void verifyWhenLinkTokenThenVerifiedOnceOnly() {
            String userId = register(newEmail());
            List<EventEnvelope> events = topic.awaitEvent(userId, "EmailVerificationRequested", KAFKA);
            String token = SealedSecret.withKey(SEALING_KEY)
                    .open(events.getLast().payload().get("encryptedToken").asText(), userId);

            Http.Response first = http.post("/api/auth/verify-email/", Map.of("token", token));
            Http.Response again = http.post("/api/auth/verify-email", Map.of("token", token));

            assertThat(first.status()).isEqualTo(200);
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.json().get("code").asText()).isEqualTo("INVALID_VERIFICATION_TOKEN");
            assertThat(storedEvents(userId, "EmailVerified")).isEqualTo(1);
        }

        @Test
        void resendWhenUnknownOrKnownThenSameAnswer() {
            String email = newEmail();
            String userId = register(email);

            Http.Response known = http.post("/api/auth/verify-email/resend/", Map.of("email", email));
            Http.Response unknown = http.post("/api/auth/verify-email/resend/", Map.of("email", newEmail()));

            assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(202);
            assertThat(known.body()).isEqualTo(unknown.body());
            assertThat(storedEvents(userId, "EmailVerificationRequested")).isEqualTo(2);
        }

        @Test
        void verifyPageWhenRequestedThenHtmlThatKeepsTokenOutOfTheUrl() {
            Http.Response page = http.get("/verify-email");

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("location.hash").contains("/api/auth/verify-email/");
        }
    }
}
