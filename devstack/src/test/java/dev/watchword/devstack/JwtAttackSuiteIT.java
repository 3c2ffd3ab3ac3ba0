package dev.watchword.devstack;

import static dev.watchword.devstack.EndToEndStack.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JWT attack suite against the live services: the whole stack started once, a real user
 * registered and logged in, then forged, tampered and misused tokens sent as {@code Authorization: Bearer}
 * through the gateway to both verifiers: query-service ({@code GET /api/users/me/}) and command-service
 * ({@code DELETE /api/auth/sessions/<unknown id>/}, which has no effect even for a caller it accepts). Each gets
 * the same 401 {@code INVALID_TOKEN} problem (RFC 9457) from both, never a 200, a 404 or a 500; the genuine
 * access token, the control, gets 200 from the one and 404 {@code SESSION_NOT_FOUND} from the other.
 *
 * <p>Only command-service holds the signing key, so a token with a genuine signature and a bad claim (expired,
 * not yet valid, another issuer or audience, another {@code typ}, no {@code exp}) cannot be made from outside.
 * Here those claims are signed with an attacker's key, which the verifiers must refuse anyway; query-service's
 * {@code AccessTokenValidationIT} covers each claim check with a genuine signature, made with a key its test
 * trusts. The one claim-level refusal a client can reach with a genuine token, a revoked session, is the last
 * case here.
 */
class JwtAttackSuiteIT {

    private static final String PASSWORD = "quartz meadow ferry lantern 17";

    /** The read model and the revocation list are fed by Kafka: eventually consistent, quickly. */
    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static final String ME = "/api/users/me/";

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String ATTACKER_KID = "attacker-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EndToEndStack stack;

    private static AttackerServer attacker;

    private static String email;

    private static String access;

    private static String refresh;

    private static String verificationToken;

    /** {@code GET /.well-known/jwks.json} as served. */
    private static String jwkSet;

    private static ECPublicKey publicKey;

    private static KeyPair attackerKey;

    private static PublicJwk<ECPublicKey> attackerJwk;

    private static ForgedTokens forge;

    @BeforeAll
    static void startStackAndLogIn() throws Exception {
        stack = EndToEndStack.start("watchword_jwt_");

        email = "jwt-attack-" + UUID.randomUUID() + "@example.com";
        assertThat(stack.post("/api/auth/register/", json("email", email, "password", PASSWORD))
                        .statusCode())
                .isEqualTo(202);
        // Kept unused: a live one-time secret of another kind, to be refused as a bearer token.
        verificationToken = await("verification email to " + email)
                .atMost(EVENTUALLY)
                .until(() -> stack.verificationToken(email), Optional::isPresent)
                .orElseThrow();

        HttpResponse<String> login = stack.post("/api/auth/login/", json("email", email, "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(200);
        access = JsonPath.read(login.body(), "$.access");
        refresh = JsonPath.read(login.body(), "$.refresh");
        // From here on a forgery that got through would get 200 (the profile exists), not 404.
        await("profile projected")
                .atMost(EVENTUALLY)
                .untilAsserted(
                        () -> assertThat(stack.get(ME, access).statusCode()).isEqualTo(200));

        HttpResponse<String> jwks = stack.get("/.well-known/jwks.json");
        assertThat(jwks.statusCode()).isEqualTo(200);
        jwkSet = jwks.body();

        attackerKey = Jwts.SIG.ES256.keyPair().build();
        forge = new ForgedTokens(access, attackerKey);
        publicKey = (ECPublicKey) Jwks.setParser().build().parse(jwkSet).getKeys().stream()
                .filter(key -> forge.keyId().equals(key.getId()))
                .map(Jwk::toKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("The token's kid is not in the JWK set: " + jwkSet));

        attackerJwk = Jwks.builder()
                .key((ECPublicKey) attackerKey.getPublic())
                .id(ATTACKER_KID)
                .build();
        // The attacker's JWK set offers their key under their own kid and under the issuer's.
        PublicJwk<ECPublicKey> underGenuineKid = Jwks.builder()
                .key((ECPublicKey) attackerKey.getPublic())
                .id(forge.keyId())
                .build();
        attacker = AttackerServer.serving(
                "{\"keys\":[" + Jwks.json(attackerJwk) + "," + Jwks.json(underGenuineKid) + "]}");
    }

    @AfterAll
    static void stopStack() throws Exception {
        try {
            if (attacker != null) {
                attacker.close();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Test
    void bearerWhenGenuineAccessTokenThenAcceptedByBothSides() throws Exception {
        HttpResponse<String> me = stack.get(ME, access);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo(email);

        HttpResponse<String> revoked = revokeUnknownSession(access);
        assertThat(revoked.statusCode()).as("body %s", revoked.body()).isEqualTo(404);
        assertThat((String) JsonPath.read(revoked.body(), "$.code")).isEqualTo("SESSION_NOT_FOUND");
    }

    static Stream<Named<String>> unsignedTokens() {
        return Stream.of("none", "None", "NONE", "nOnE")
                .flatMap(alg -> Stream.of(
                        Named.of("alg " + alg + ", header.payload.", forge.withAlgorithm(alg, false)),
                        Named.of("alg " + alg + ", genuine signature kept", forge.withAlgorithm(alg, true))));
    }

    /** RFC 8725 section 3.1; the verifier allows ES256 only. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unsignedTokens")
    void bearerWhenAlgNoneThen401InvalidToken(String token) throws Exception {
        assertRefusedByBothSides(token);
    }

    static Stream<Named<String>> hs256KeyedWithThePublicKey() throws Exception {
        JsonNode servedKey = StreamSupport.stream(
                        JSON.readTree(jwkSet).path("keys").spliterator(), false)
                .filter(key -> forge.keyId().equals(key.path("kid").asText()))
                .findFirst()
                .orElseThrow();
        byte[] der = publicKey.getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END PUBLIC KEY-----";
        return Stream.of(
                        Named.of("the JWK as served", utf8(JSON.writeValueAsString(servedKey))),
                        Named.of("the whole JWK set as served", utf8(jwkSet)),
                        Named.of("PEM with a final newline", utf8(pem + "\n")),
                        Named.of("PEM without a final newline", utf8(pem)),
                        Named.of("DER (SubjectPublicKeyInfo)", der),
                        Named.of("the raw EC point 04 || x || y", uncompressedPoint(publicKey)))
                .map(secret ->
                        Named.of("HS256 keyed with " + secret.getName(), forge.hs256(secret.getPayload(), Map.of())));
    }

    /** RFC 8725 section 2.1: a verifier that took the algorithm from the token would check HMAC with this key. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hs256KeyedWithThePublicKey")
    void bearerWhenHs256KeyedWithThePublicKeyThen401InvalidToken(String token) throws Exception {
        assertRefusedByBothSides(token);
    }

    static Stream<Named<String>> tamperedTokens() {
        return Stream.of(
                Named.of("a flipped bit in sub, genuine signature kept", forge.withClaimBitFlipped("sub")),
                Named.of("a flipped bit in exp, genuine signature kept", forge.withClaimBitFlipped("exp")),
                Named.of("a flipped bit in the signature", forge.withSignatureBitFlipped()),
                Named.of("signature stripped: header.payload.", forge.withSignatureStripped()),
                Named.of("signature segment removed: header.payload", forge.withSignatureSegmentRemoved()),
                Named.of("signature from another EC key, same kid", forge.resignedByAttacker()),
                // CVE-2022-21449: JDK 15 to 18 accepted r = s = 0 for any message and key.
                Named.of("psychic signature r = s = 0", forge.withSignature(new byte[64])));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedTokens")
    void bearerWhenGenuineTokenTamperedThen401InvalidToken(String token) throws Exception {
        assertRefusedByBothSides(token);
    }

    static Stream<Named<String>> claimsSignedByAttacker() {
        Instant now = Instant.now();
        Date anHourAgo = Date.from(now.minus(Duration.ofHours(1)));
        return Stream.of(
                // The control of this group: nothing wrong but the key.
                Named.of("genuine-looking claims", forge.signedByAttacker().compact()),
                Named.of(
                        "exp an hour ago",
                        forge.signedByAttacker()
                                .issuedAt(Date.from(now.minus(Duration.ofHours(2))))
                                .expiration(anHourAgo)
                                .compact()),
                Named.of("no exp", forge.signedByAttacker().expiration(null).compact()),
                Named.of(
                        "nbf an hour from now",
                        forge.signedByAttacker()
                                .notBefore(Date.from(now.plus(Duration.ofHours(1))))
                                .compact()),
                Named.of(
                        "iss of the attacker",
                        forge.signedByAttacker()
                                .issuer("https://attacker.example")
                                .compact()),
                Named.of(
                        "aud of another API",
                        forge.signedByAttacker()
                                .audience()
                                .clear()
                                .add("another-api")
                                .and()
                                .compact()),
                Named.of(
                        "typ JWT instead of at+jwt",
                        forge.signedByAttacker().header().type("JWT").and().compact()),
                Named.of(
                        "no typ",
                        forge.signedByAttacker().header().delete("typ").and().compact()),
                Named.of(
                        "roles ADMIN",
                        forge.signedByAttacker()
                                .claim("roles", List.of("ADMIN"))
                                .compact()),
                Named.of(
                        "sub of another user",
                        forge.signedByAttacker()
                                .subject(UUID.randomUUID().toString())
                                .compact()));
    }

    /** See the class Javadoc: the same claims with a genuine signature are query-service's AccessTokenValidationIT. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("claimsSignedByAttacker")
    void bearerWhenClaimsSignedByAttackerKeyThen401InvalidToken(String token) throws Exception {
        assertRefusedByBothSides(token);
    }

    static Stream<Named<String>> keysInjectedThroughHeader() {
        String traversal = "../../../../dev/null";
        return Stream.of(
                Named.of(
                        "unknown kid",
                        forge.signedByAttacker()
                                .header()
                                .keyId(ATTACKER_KID)
                                .and()
                                .compact()),
                Named.of(
                        "kid " + traversal,
                        forge.signedByAttacker().header().keyId(traversal).and().compact()),
                // A verifier that read the key file named by kid would key HMAC with nothing; HMAC pads the key
                // with zeros (RFC 2104 section 2), so one zero byte is the same key as none.
                Named.of(
                        "kid " + traversal + ", HS256 keyed with the empty file",
                        forge.hs256(new byte[1], Map.of("kid", traversal))),
                Named.of(
                        "kid ' OR '1'='1",
                        forge.signedByAttacker()
                                .header()
                                .keyId("' OR '1'='1")
                                .and()
                                .compact()),
                Named.of(
                        "kid x' UNION SELECT 'attacker' --, HS256 keyed with attacker",
                        forge.hs256(utf8("attacker"), Map.of("kid", "x' UNION SELECT 'attacker' --"))),
                Named.of(
                        "kid of 4096 characters",
                        forge.signedByAttacker()
                                .header()
                                .keyId("k".repeat(4096))
                                .and()
                                .compact()),
                Named.of(
                        "kid that is a URL of the attacker's server",
                        forge.signedByAttacker()
                                .header()
                                .keyId(attacker.uri("/kid").toString())
                                .and()
                                .compact()),
                Named.of(
                        "jku to the attacker's JWK set, attacker's kid",
                        forge.signedByAttacker()
                                .header()
                                .keyId(ATTACKER_KID)
                                .jwkSetUrl(attacker.uri("/jku/jwks.json"))
                                .and()
                                .compact()),
                Named.of(
                        "jku to the attacker's JWK set, genuine kid",
                        forge.signedByAttacker()
                                .header()
                                .jwkSetUrl(attacker.uri("/jku/jwks.json"))
                                .and()
                                .compact()),
                Named.of(
                        "x5u to the attacker's server",
                        forge.signedByAttacker()
                                .header()
                                .keyId(ATTACKER_KID)
                                .x509Url(attacker.uri("/x5u/chain.pem"))
                                .and()
                                .compact()),
                Named.of(
                        "jwk embedding the attacker's key, attacker's kid",
                        forge.signedByAttacker()
                                .header()
                                .keyId(ATTACKER_KID)
                                .jwk(attackerJwk)
                                .and()
                                .compact()),
                Named.of(
                        "jwk embedding the attacker's key, genuine kid",
                        forge.signedByAttacker()
                                .header()
                                .jwk(Jwks.builder()
                                        .key((ECPublicKey) attackerKey.getPublic())
                                        .id(forge.keyId())
                                        .build())
                                .and()
                                .compact()),
                Named.of(
                        "jwk embedding the attacker's key, no kid",
                        forge.signedByAttacker()
                                .header()
                                .delete("kid")
                                .jwk(Jwks.builder()
                                        .key((ECPublicKey) attackerKey.getPublic())
                                        .build())
                                .and()
                                .compact()));
    }

    /** RFC 8725 section 3.10: keys come from the configured JWK set URI only, never from the token. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("keysInjectedThroughHeader")
    void bearerWhenKeyInjectedThroughHeaderThen401AndNothingFetched(String token) throws Exception {
        assertRefusedByBothSides(token);
        assertThat(attacker.requests()).as("requests to the attacker's server").isEmpty();
    }

    static Stream<Named<String>> otherKindsOfToken() {
        return Stream.of(
                Named.of("the refresh token", refresh),
                Named.of("the verification-link token", verificationToken),
                Named.of("a JWE-shaped token, alg dir, the genuine claims as ciphertext", forge.asUnencryptedJwe()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherKindsOfToken")
    void bearerWhenOtherKindOfTokenThen401InvalidToken(String token) throws Exception {
        assertRefusedByBothSides(token);
    }

    @Test
    void bearerWhenSessionLoggedOutThenItsAccessTokenRefusedAndOtherSessionsKept() throws Exception {
        // given a second session of the same user
        HttpResponse<String> login = stack.post("/api/auth/login/", json("email", email, "password", PASSWORD));
        assertThat(login.statusCode()).isEqualTo(200);
        String sessionAccess = JsonPath.read(login.body(), "$.access");
        String sessionRefresh = JsonPath.read(login.body(), "$.refresh");
        assertThat(stack.get(ME, sessionAccess).statusCode()).isEqualTo(200);

        // when it is logged out
        assertThat(stack.post("/api/auth/logout/", json("refresh", sessionRefresh))
                        .statusCode())
                .isEqualTo(204);

        // then its access token, genuinely signed and unexpired, is refused (by query-service once the event
        // has reached it, by command-service's aggregate at once); the first session's still works
        // Not assertRefused: command-service's aggregate refuses the ended session without a WWW-Authenticate
        // challenge, which RFC 9110 section 15.5.2 requires of every 401. Tighten once command-service sends it.
        assertInvalidTokenProblem(revokeUnknownSession(sessionAccess));
        await("access token of the logged-out session refused")
                .atMost(EVENTUALLY)
                .untilAsserted(() -> assertRefused(stack.get(ME, sessionAccess)));
        assertThat(stack.get(ME, access).statusCode()).isEqualTo(200);
        assertThat(revokeUnknownSession(access).statusCode()).isEqualTo(404);
    }

    private static void assertRefusedByBothSides(String token) throws Exception {
        assertRefused(stack.get(ME, token));
        assertRefused(revokeUnknownSession(token));
    }

    /** Command-service's bearer endpoint that changes nothing: ending a session that does not exist. */
    private static HttpResponse<String> revokeUnknownSession(String bearer) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/auth/sessions/" + UUID.randomUUID() + "/"))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Accept", "application/json")
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The 401 problem with a bearer challenge that names the error (RFC 6750 section 3.1). */
    private static void assertRefused(HttpResponse<String> response) {
        assertInvalidTokenProblem(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
    }

    private static void assertInvalidTokenProblem(HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as("status of %s; body %s", response.request().uri(), response.body())
                .isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(response.body(), "$.code")).isEqualTo("INVALID_TOKEN");
        assertThat((Integer) JsonPath.read(response.body(), "$.status")).isEqualTo(401);
        assertThat(response.body()).doesNotContain("Exception", "nimbus", "jjwt");
    }

    private static byte[] uncompressedPoint(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 0x04;
        unsigned(key.getW().getAffineX(), point, 1);
        unsigned(key.getW().getAffineY(), point, 33);
        return point;
    }

    /** {@code value} as 32 unsigned big-endian bytes at {@code offset}. */
    private static void unsigned(BigInteger value, byte[] into, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, into, offset + 32 - length, length);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
