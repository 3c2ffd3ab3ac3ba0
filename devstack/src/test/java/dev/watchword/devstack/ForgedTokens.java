package dev.watchword.devstack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What an attacker can make of one genuine access token and a key pair of their own: the token's header, claims
 * and signature rearranged, re-signed or replaced. Tokens that JOSE libraries refuse to make ({@code alg: none},
 * HS256 keyed with a public key, tampered segments) are put together here by hand, as base64url JSON.
 */
final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private static final Base64.Decoder BASE64URL_DECODER = Base64.getUrlDecoder();

    private final String header;

    private final String payload;

    private final String signature;

    private final Map<String, Object> headerMembers;

    private final Map<String, Object> claims;

    private final KeyPair attackerKey;

    ForgedTokens(String genuine, KeyPair attackerKey) {
        String[] segments = genuine.split("\\.", -1);
        if (segments.length != 3) {
            throw new IllegalArgumentException("Not a JWS in compact serialization");
        }
        this.header = segments[0];
        this.payload = segments[1];
        this.signature = segments[2];
        this.headerMembers = parse(decode(header));
        this.claims = parse(decode(payload));
        this.attackerKey = attackerKey;
    }

    /** The {@code kid} of the genuine token: the issuer's signing key. */
    String keyId() {
        return (String) headerMembers.get("kid");
    }

    /** The genuine claims and signature under a header whose {@code alg} is {@code algorithm}. */
    String withAlgorithm(String algorithm, boolean keepSignature) {
        return encodeJson(headerWith("alg", algorithm)) + "." + payload + "." + (keepSignature ? signature : "");
    }

    /**
     * The genuine claims, HS256 over a header with {@code alg: HS256} (and any {@code extraHeader} members),
     * keyed with {@code secret}: the algorithm confusion of RFC 8725 section 2.1.
     */
    String hs256(byte[] secret, Map<String, Object> extraHeader) {
        Map<String, Object> members = headerWith("alg", "HS256");
        members.putAll(extraHeader);
        String signingInput = encodeJson(members) + "." + payload;
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(hmac.doFinal(ascii(signingInput)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The genuine header and signature over claims in which bit 0 of the last character of {@code claim}'s value
     * is flipped. The claims stay valid JSON, so only the signature can tell.
     */
    String withClaimBitFlipped(String claim) {
        String json = new String(decode(payload), StandardCharsets.UTF_8);
        Matcher value = Pattern.compile("\"" + Pattern.quote(claim) + "\"\\s*:\\s*\"?([^\",}\\]]+)")
                .matcher(json);
        if (!value.find()) {
            throw new IllegalStateException("No claim " + claim + " in " + json);
        }
        char[] characters = json.toCharArray();
        characters[value.end(1) - 1] ^= 1;
        String tampered = new String(characters);
        if (parse(tampered.getBytes(StandardCharsets.UTF_8)).equals(claims)) {
            throw new IllegalStateException("Flipping a bit of " + claim + " changed nothing");
        }
        return header + "." + encode(tampered.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    /** The genuine header and claims with bit 0 of the signature's 11th byte flipped. */
    String withSignatureBitFlipped() {
        byte[] bytes = decode(signature);
        bytes[10] ^= 1;
        return withSignature(bytes);
    }

    /** The genuine header and claims with {@code signature} as the raw (R || S) signature. */
    String withSignature(byte[] signature) {
        return header + "." + payload + "." + encode(signature);
    }

    /** {@code header.payload.}: the signature stripped, the separator kept. */
    String withSignatureStripped() {
        return header + "." + payload + ".";
    }

    /** {@code header.payload}: two segments. */
    String withSignatureSegmentRemoved() {
        return header + "." + payload;
    }

    /** The genuine header and claims, byte for byte, signed with the attacker's key: another EC key, same kid. */
    String resignedByAttacker() {
        String signingInput = header + "." + payload;
        try {
            // JWS wants R || S (RFC 7518 section 3.4), not the DER sequence of a plain SHA256withECDSA.
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(attackerKey.getPrivate());
            es256.update(ascii(signingInput));
            return withSignature(es256.sign());
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * A token like the genuine one (same kid, typ, iss, aud, sub, sid and roles; a new jti; issued now, expiring
     * in 5 minutes) signed ES256 with the attacker's key; the caller changes what the attack needs and compacts.
     */
    JwtBuilder signedByAttacker() {
        Instant now = Instant.now();
        JwtBuilder token = Jwts.builder()
                .header()
                .keyId(keyId())
                .type((String) headerMembers.get("typ"))
                .and()
                .issuer((String) claims.get("iss"))
                .subject((String) claims.get("sub"))
                .claim("sid", claims.get("sid"))
                .claim("roles", claims.get("roles"))
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(Duration.ofMinutes(5))))
                .signWith(attackerKey.getPrivate(), Jwts.SIG.ES256);
        Object audience = claims.get("aud");
        if (audience instanceof List<?> audiences) {
            audiences.forEach(each -> token.audience().add((String) each));
        } else {
            token.audience().add((String) audience);
        }
        return token;
    }

    /** A five-segment token, shaped like a JWE with {@code alg: dir}, whose "ciphertext" is the genuine claims. */
    String asUnencryptedJwe() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("alg", "dir");
        members.put("enc", "A256GCM");
        members.put("typ", headerMembers.get("typ"));
        members.put("kid", keyId());
        return encodeJson(members) + ".." + encode(new byte[12]) + "." + payload + "." + encode(new byte[16]);
    }

    private Map<String, Object> headerWith(String name, Object value) {
        Map<String, Object> members = new LinkedHashMap<>(headerMembers);
        members.put(name, value);
        return members;
    }

    private static String encodeJson(Map<String, Object> members) {
        try {
            return encode(JSON.writeValueAsBytes(members));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Map<String, Object> parse(byte[] json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {});
        } catch (IOException ex) {
            throw new IllegalArgumentException("Not a JSON object", ex);
        }
    }

    private static String encode(byte[] bytes) {
        return BASE64URL.encodeToString(bytes);
    }

    private static byte[] decode(String segment) {
        return BASE64URL_DECODER.decode(segment);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
