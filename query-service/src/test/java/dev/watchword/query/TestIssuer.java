package dev.watchword.query;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * Stands in for command-service as token issuer: an EC P-256 key made for this JVM, its JWK set served over
 * HTTP on a random loopback port, and access tokens shaped as docs/contract.md describes.
 */
public final class TestIssuer {

    public static final String ISSUER = "https://issuer.test";
    public static final String AUDIENCE = "watchword";
    private static final String KEY_ID = "test-key";

    private static final TestIssuer INSTANCE = new TestIssuer();

    private final ECKey key = generateKey();
    private final AtomicInteger jwksDownloads = new AtomicInteger();
    private final String jwksUri;

    private TestIssuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/.well-known/jwks.json", exchange -> {
                jwksDownloads.incrementAndGet();
                exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
                exchange.sendResponseHeaders(200, jwks.length);
                exchange.getResponseBody().write(jwks);
                exchange.close();
            });
            server.start();
            jwksUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestIssuer get() {
        return INSTANCE;
    }

    public String jwksUri() {
        return jwksUri;
    }

    /** How often the JWK set has been downloaded, to show that verifiers cache it. */
    public int jwksDownloads() {
        return jwksDownloads.get();
    }

    public String accessToken(String userId, String sessionId) {
        return accessToken(userId, sessionId, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** A token as command-service issues it, after the given changes to its header and claims. */
    public String accessToken(
            String userId,
            String sessionId,
            UnaryOperator<JWSHeader.Builder> header,
            UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(
                key,
                header.apply(defaultHeader(JWSAlgorithm.ES256)).build(),
                claims.apply(defaultClaims(userId, sessionId)).build());
    }

    /** Signed by another P-256 key that claims this issuer's key id. */
    public String accessTokenSignedByForeignKey(String userId, String sessionId) {
        return sign(
                generateKey(),
                defaultHeader(JWSAlgorithm.ES256).build(),
                defaultClaims(userId, sessionId).build());
    }

    /** The algorithm-confusion attack: HMAC keyed with the issuer's public key (RFC 8725 section 2.1). */
    public String accessTokenSignedWithHs256(String userId, String sessionId) {
        try {
            SignedJWT jwt = new SignedJWT(
                    defaultHeader(JWSAlgorithm.HS256).build(),
                    defaultClaims(userId, sessionId).build());
            jwt.sign(new MACSigner(key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String unsignedAccessToken(String userId, String sessionId) {
        return new PlainJWT(defaultClaims(userId, sessionId).build()).serialize();
    }

    /** A valid token whose payload was swapped for another user's after signing. */
    public String tamperedAccessToken(String userId, String sessionId) {
        String[] parts = accessToken(userId, sessionId).split("\\.");
        String forged = Base64URL.encode(defaultClaims(UUID.randomUUID().toString(), sessionId)
                        .build()
                        .toString())
                .toString();
        return parts[0] + "." + forged + "." + parts[2];
    }

    private static JWSHeader.Builder defaultHeader(JWSAlgorithm algorithm) {
        return new JWSHeader.Builder(algorithm)
                .type(new JOSEObjectType("at+jwt"))
                .keyID(KEY_ID);
    }

    private static JWTClaimsSet.Builder defaultClaims(String userId, String sessionId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(userId)
                .claim("sid", sessionId)
                .claim("roles", List.of("user"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)));
    }

    private static String sign(ECKey signingKey, JWSHeader header, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(KEY_ID).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
