package dev.watchword.command.token;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.List;

/**
 * The ES256 keys that sign access tokens, kept in PostgreSQL so tokens survive restarts and verify on every
 * instance. Asymmetric only, never a shared HMAC secret (RFC 8725 section 3.1). The newest key signs; all are
 * published in the JWKS. Loaded once at start-up: signing never touches the database.
 */
@Component
public class SigningKeys {

    private static final String ALGORITHM = "ES256";

    private final List<SigningKey> keys;

    public SigningKeys(JdbcClient jdbc, TransactionTemplate transactions) {
        this.keys = transactions.execute(status -> loadOrCreate(jdbc));
    }

    public SigningKey current() {
        return keys.getFirst();
    }

    /** The public key for a {@code kid}, for verifying this service's own access tokens. */
    public java.util.Optional<PublicKey> publicKeyFor(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).map(SigningKey::publicKey).findFirst();
    }

    public List<PublicJwk<?>> publicJwks() {
        return keys.stream().<PublicJwk<?>>map(SigningKey::jwk).toList();
    }

    private static List<SigningKey> loadOrCreate(JdbcClient jdbc) {
        // Several instances may start at once: the advisory lock makes exactly one of them create the first key.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('watchword.signing_key'))").query().singleRow();
        List<SigningKey> stored = load(jdbc);
        if (!stored.isEmpty()) {
            return stored;
        }
        SigningKey created = generate();
        jdbc.sql("""
                        INSERT INTO signing_key (kid, algorithm, private_key, public_key, created_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(created.kid(), ALGORITHM, created.privateKey().getEncoded(),
                        created.publicKey().getEncoded(), java.sql.Timestamp.from(Instant.now()))
                .update();
        return List.of(created);
    }

    private static List<SigningKey> load(JdbcClient jdbc) {
        return jdbc.sql("SELECT kid, private_key, public_key FROM signing_key ORDER BY created_at DESC")
                .query((rs, n) -> restore(rs.getString("kid"), rs.getBytes("private_key"), rs.getBytes("public_key")))
                .list();
    }

    private static SigningKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return withThumbprintId(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SigningKey restore(String kid, byte[] privateKey, byte[] publicKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            PrivateKey priv = factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
            PublicKey pub = factory.generatePublic(new X509EncodedKeySpec(publicKey));
            SigningKey key = withThumbprintId(priv, pub);
            if (!key.kid().equals(kid)) {
                throw new IllegalStateException("Stored signing key " + kid + " does not match its public key");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key id is the RFC 7638 thumbprint, so it is derived from the key and cannot be confused. */
    private static SigningKey withThumbprintId(PrivateKey priv, PublicKey pub) {
        PublicJwk<?> jwk = Jwks.builder().key((ECPublicKey) pub).algorithm(ALGORITHM).publicKeyUse("sig")
                .idFromThumbprint().build();
        return new SigningKey(jwk.getId(), priv, pub, jwk);
    }

    public record SigningKey(String kid, PrivateKey privateKey, PublicKey publicKey, PublicJwk<?> jwk) {
    }
}
