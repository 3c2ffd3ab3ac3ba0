package dev.watchword.command.signingkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.watchword.command.issuing.AccessTokenIssuer;
import dev.watchword.command.user.SessionGrant;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * Signing keys at rest and their rotation against real PostgreSQL, in a schema of its own that starts
 * at V1 with a key stored in the clear, as a database from before V3 holds it. Time is a clock the tests move,
 * so that the schedule is checked without waiting for it; the JWKS is read over HTTP as a verifier reads it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=" + SigningKeyRotationIT.URL,
            "spring.datasource.username=postgres",
            "spring.datasource.password=",
            "spring.datasource.hikari.schema=" + SigningKeyRotationIT.SCHEMA,
            "spring.flyway.schemas=" + SigningKeyRotationIT.SCHEMA,
            "spring.flyway.default-schema=" + SigningKeyRotationIT.SCHEMA,
            "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
            "watchword.sealing-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            // Longer than any run of this class: the tests run maintenance themselves, at the times they choose.
            "watchword.keys.refresh-interval=9m",
            "WATCHWORD_OPERATOR_TOKEN=" + SigningKeyRotationIT.OPERATOR_TOKEN
        })
@EmbeddedKafka(partitions = 1, topics = "watchword.events")
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class SigningKeyRotationIT {

    static final String URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    static final String SCHEMA = "it_command_keys";
    static final String OPERATOR_TOKEN = "operator-token-of-the-signing-key-tests";
    private static final Duration PUBLISH_AHEAD = Duration.ofMinutes(10);
    /** The longest access token lifetime an app may choose: a retired key outlives every token it signed. */
    private static final Duration ACCESS_TOKEN = Duration.ofMinutes(60);

    private static final Duration MARGIN = Duration.ofMinutes(5);

    /** A key as V1 stored it: PKCS#8 in the clear. Written before the application context starts. */
    private static final KeyPair LEGACY = legacyKeyInV1Schema();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SigningKeys keys;

    @Autowired
    KeyRotation rotation;

    @Autowired
    AccessTokenIssuer issuer;

    @Autowired
    MasterKey masterKey;

    @Autowired
    MovableClock clock;

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(Instant.now());
        }
    }

    @Nested
    @Order(1)
    class AtRest {

        @Test
        void startWhenPlaintextRowFromBeforeV3ThenEncryptedInPlace() {
            String kid = kidOf(LEGACY.getPublic());

            Map<String, Object> row = jdbc.sql("SELECT private_key, private_key_format FROM signing_key WHERE kid = ?")
                    .param(kid)
                    .query()
                    .singleRow();

            assertThat(row.get("private_key_format")).isEqualTo("a256gcm-v2");
            byte[] stored = (byte[]) row.get("private_key");
            assertThat(stored).isNotEqualTo(LEGACY.getPrivate().getEncoded());
            assertThat(parsesAsPkcs8(stored)).isFalse();
            assertThat(masterKey.open(stored, associatedDataOf(kid)))
                    .isEqualTo(LEGACY.getPrivate().getEncoded());
            assertThat(keys.current().kid()).as("the migrated key still signs").isEqualTo(kid);
        }

        @Test
        void rotateWhenKeyCreatedThenStoredOnlyEncryptedAndBoundToItsKid() {
            KeyLifecycle created = rotation.rotate(clock.instant(), false);

            byte[] stored = jdbc.sql(
                            "SELECT private_key FROM signing_key WHERE kid = ? AND private_key_format = 'a256gcm-v2'")
                    .param(created.kid())
                    .query(byte[].class)
                    .single();

            assertThat(parsesAsPkcs8(stored)).isFalse();
            assertThat(parsesAsPkcs8(masterKey.open(stored, associatedDataOf(created.kid()))))
                    .isTrue();
            assertThatThrownBy(() -> masterKey.open(stored, created.kid()))
                    .as("bound to more than its kid")
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> masterKey.open(stored, associatedDataOf(kidOf(LEGACY.getPublic()))))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void storeWhenClearPrivateKeyWrittenAfterMigrationThenTableRefusesIt() throws Exception {
            // given a key an attacker with write access to the table wants to sign with
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair planted = generator.generateKeyPair();

            // when it is written in the clear format V1 had
            // then the table refuses it, so no instance ever loads it
            assertThatThrownBy(() -> jdbc.sql("""
                            INSERT INTO signing_key (kid, algorithm, private_key, private_key_format, public_key,
                                                     created_at, activates_at)
                            VALUES (?, 'ES256', ?, 'pkcs8', ?, now(), now())""")
                            .params(
                                    kidOf(planted.getPublic()),
                                    planted.getPrivate().getEncoded(),
                                    planted.getPublic().getEncoded())
                            .update())
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
            keys.refresh();
            assertThat(keys.ring().find(kidOf(planted.getPublic()))).isEmpty();
        }

        @Test
        void loadWhenLifecycleOfStoredKeyChangedOutsideWatchwordThenRefused() {
            // given a key whose retirement is scheduled: a successor is published and takes over at its time
            String retired = keys.current().kid();
            rotation.rotate(clock.instant(), false);
            keys.refresh();
            Map<String, Object> row = jdbc.sql("SELECT retires_at, withdraws_at FROM signing_key WHERE kid = ?")
                    .param(retired)
                    .query()
                    .singleRow();
            try {
                // when someone with write access to the table cancels its retirement, to keep it signing
                jdbc.sql("UPDATE signing_key SET retires_at = NULL, withdraws_at = NULL WHERE kid = ?")
                        .param(retired)
                        .update();

                // then its seal no longer opens and no instance believes the row: the ring stays as it was
                assertThatThrownBy(() -> keys.refresh())
                        .isInstanceOf(UnusableMasterKey.class)
                        .hasMessageContaining(retired);
                assertThat(keys.ring().entries())
                        .filteredOn(e -> e.key().kid().equals(retired))
                        .singleElement()
                        .satisfies(e -> assertThat(e.lifecycle().retiresAt()).isNotNull());
            } finally {
                jdbc.sql("UPDATE signing_key SET retires_at = ?, withdraws_at = ? WHERE kid = ?")
                        .params(row.get("retires_at"), row.get("withdraws_at"), retired)
                        .update();
            }
            keys.refresh();
            assertThat(keys.ring().entries()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Nested
    @Order(2)
    class Rotation {

        private String before;

        /** A day on, every key of an earlier test has been withdrawn: one key signs, and it is the only one. */
        @BeforeEach
        void startFromOneFreshKey() {
            clock.set(clock.instant().plus(Duration.ofDays(1)));
            before = rotation.rotate(clock.instant(), true).kid();
            keys.refresh();
        }

        @Test
        void rotateWhenOnDemandThenNextPublishedAheadAndEarlierTokensVerifyUntilTheyExpire() throws Exception {
            // when an operator rotates
            JsonNode rotated = postRotate("", OPERATOR_TOKEN);

            // then the successor is published but does not sign yet
            String next = rotated.get("kid").asText();
            assertThat(rotated.get("state").asText()).isEqualTo("next");
            Instant activates = Instant.parse(rotated.get("activates_at").asText());
            assertThat(activates)
                    .isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS).plus(PUBLISH_AHEAD));
            assertThat(jwksKids()).containsExactly(before, next);
            assertThat(keys.current().kid()).isEqualTo(before);

            // given a token signed just before the successor takes over
            clock.set(activates.minusSeconds(1));
            String token = issuer.issue(
                            new SessionGrant(
                                    UUID.randomUUID().toString(),
                                    "sid",
                                    List.of("user"),
                                    List.of(),
                                    0,
                                    "default",
                                    "default",
                                    java.time.Duration.ofMinutes(5)),
                            dev.watchword.command.onetimesecret.OpaqueToken.issueFor(
                                    UUID.randomUUID().toString()))
                    .access();
            assertThat(kidOfToken(token)).isEqualTo(before);

            // when the successor takes over, on time and without a reload
            clock.set(activates);
            assertThat(keys.current().kid()).isEqualTo(next);

            // then the earlier token still verifies with the JWKS, which keeps its retired key
            assertThat(jwksKids()).containsExactly(next, before);
            assertThat(verify(token)).isEqualTo("sid");

            // and the retired key is published until every token it signed has expired (whatever lifetime its app
            // chose), then withdrawn
            Instant withdrawn = activates.plus(ACCESS_TOKEN).plus(MARGIN);
            clock.set(withdrawn.minusSeconds(1));
            assertThat(jwksKids()).contains(before);
            clock.set(withdrawn);
            assertThat(jwksKids()).containsExactly(next);
            assertThat(keys.publicKeyFor(before)).isEmpty();

            // and maintenance destroys its private key
            rotation.maintain(clock.instant());
            assertThat(storedKids()).doesNotContain(before).contains(next);
        }

        @Test
        void rotateWhenSuccessorPendingThenSameSuccessorReturned() throws Exception {
            String first = postRotate("", OPERATOR_TOKEN).get("kid").asText();

            String second = postRotate("", OPERATOR_TOKEN).get("kid").asText();

            assertThat(second).isEqualTo(first);
        }

        @Test
        void maintainWhenRotationPeriodNearlyOverThenSuccessorPublishedAheadOfItsTurn() {
            Instant activated = jdbc.sql("SELECT activates_at FROM signing_key WHERE kid = ?")
                    .param(before)
                    .query(Timestamp.class)
                    .single()
                    .toInstant();
            Instant due = activated.plus(Duration.ofDays(30));

            clock.set(due.minus(PUBLISH_AHEAD).minusSeconds(1));
            rotation.maintain(clock.instant());
            keys.refresh();
            assertThat(jwksKids()).containsExactly(before);

            clock.set(due.minus(PUBLISH_AHEAD));
            rotation.maintain(clock.instant());
            keys.refresh();
            List<String> published = jwksKids();
            assertThat(published).hasSize(2).startsWith(before);
            assertThat(keys.current().kid()).isEqualTo(before);

            clock.set(due);
            assertThat(keys.current().kid()).isEqualTo(published.get(1));
        }

        @Test
        void rotateWhenImmediateThenSuccessorSignsAndOldKeyLeavesJwksAtOnce() throws Exception {
            String token = issuer.issue(
                            new SessionGrant(
                                    UUID.randomUUID().toString(),
                                    "sid",
                                    List.of("user"),
                                    List.of(),
                                    0,
                                    "default",
                                    "default",
                                    java.time.Duration.ofMinutes(5)),
                            dev.watchword.command.onetimesecret.OpaqueToken.issueFor(
                                    UUID.randomUUID().toString()))
                    .access();

            JsonNode rotated = postRotate("?immediate=true", OPERATOR_TOKEN);

            String successor = rotated.get("kid").asText();
            assertThat(rotated.get("state").asText()).isEqualTo("current");
            assertThat(keys.current().kid()).isEqualTo(successor);
            assertThat(jwksKids()).containsExactly(successor);
            assertThat(keys.publicKeyFor(before)).isEmpty();
            assertThat(storedKids()).doesNotContain(before);
            assertThatThrownBy(() -> verify(token))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(before);
        }

        @Test
        void rotateWhenOperatorTokenMissingOrWrongThen401AndNothingChanges() throws Exception {
            HttpResponse<String> missing = post("/internal/keys/rotate", null);
            HttpResponse<String> wrong = post("/internal/keys/rotate?immediate=true", "x".repeat(40));

            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(new ObjectMapper().readTree(wrong.body()).get("code").asText())
                    .isEqualTo("INVALID_OPERATOR_TOKEN");
            assertThat(jwksKids()).containsExactly(before);
        }
    }

    private JsonNode postRotate(String query, String token) throws Exception {
        HttpResponse<String> response = post("/internal/keys/rotate" + query, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private JsonNode jwks() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return new ObjectMapper().readTree(response.body());
        }
    }

    private List<String> jwksKids() {
        try {
            return StreamSupport.stream(jwks().get("keys").spliterator(), false)
                    .map(k -> k.get("kid").asText())
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies as a verifier does: the key for the token's kid from the JWKS, at the test's time; returns sid. */
    private String verify(String token) throws Exception {
        JsonNode set = jwks();
        String kid = kidOfToken(token);
        JsonNode member = StreamSupport.stream(set.get("keys").spliterator(), false)
                .filter(k -> k.get("kid").asText().equals(kid))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kid " + kid + " is not in the JWKS"));
        Jwk<?> jwk = Jwks.parser().build().parse(member.toString());
        return Jwts.parser()
                .clock(() -> Date.from(clock.instant()))
                .verifyWith((PublicKey) jwk.toKey())
                .build()
                .parseSignedClaims(token)
                .getPayload()
                .get("sid", String.class);
    }

    private static String kidOfToken(String token) {
        try {
            String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
            return new ObjectMapper().readTree(header).get("kid").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a stored key's seal is bound to: its row's kid, algorithm and lifecycle. */
    private String associatedDataOf(String kid) {
        KeyLifecycle lifecycle = jdbc.sql(
                        "SELECT kid, activates_at, retires_at, withdraws_at FROM signing_key WHERE kid = ?")
                .param(kid)
                .query((rs, n) -> new KeyLifecycle(
                        rs.getString("kid"),
                        rs.getTimestamp("activates_at").toInstant(),
                        rs.getTimestamp("retires_at") == null
                                ? null
                                : rs.getTimestamp("retires_at").toInstant(),
                        rs.getTimestamp("withdraws_at") == null
                                ? null
                                : rs.getTimestamp("withdraws_at").toInstant()))
                .single();
        return SigningKeyStore.associatedData("ES256", lifecycle);
    }

    private List<String> storedKids() {
        return jdbc.sql("SELECT kid FROM signing_key").query(String.class).list();
    }

    private static boolean parsesAsPkcs8(byte[] bytes) {
        try {
            KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(bytes));
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static String kidOf(PublicKey key) {
        PublicJwk<?> jwk =
                Jwks.builder().key((ECPublicKey) key).idFromThumbprint().build();
        return jwk.getId();
    }

    /** A fresh schema at V1 holding one key in the clear, so that the context's start migrates it. */
    private static KeyPair legacyKeyInV1Schema() {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "")) {
            connection.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            Flyway.configure()
                    .dataSource(URL, "postgres", "")
                    .schemas(SCHEMA)
                    .defaultSchema(SCHEMA)
                    .target("1")
                    .load()
                    .migrate();
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + SCHEMA
                            + ".signing_key (kid, algorithm, private_key, public_key, created_at) VALUES (?, 'ES256', ?, ?, ?)")) {
                insert.setString(1, kidOf(pair.getPublic()));
                insert.setBytes(2, pair.getPrivate().getEncoded());
                insert.setBytes(3, pair.getPublic().getEncoded());
                insert.setTimestamp(4, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            return pair;
        } catch (SQLException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock the tests move forward. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
