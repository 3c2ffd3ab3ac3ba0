package dev.watchword.command.signingkey;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The ES256 keys that sign access tokens, kept in PostgreSQL so tokens survive restarts and verify on every
 * instance. Asymmetric only, never a shared HMAC secret (RFC 8725 section 3.1). Private keys are encrypted at
 * rest with the master key ({@link SigningKeyStore}, {@link MasterKey}).
 * <p>
 * Keys rotate ({@link KeySchedule}): the {@link KeyState#CURRENT} key signs; {@link KeyState#NEXT}
 * and {@link KeyState#RETIRED} keys are published too, so that a token verifies from before its key signs
 * until after it expires. This instance holds the keys in memory and reloads them every refresh interval
 * ({@link KeyMaintenance}): signing never touches the database, and a scheduled key starts signing on time
 * even between reloads, because states are evaluated against the clock on every call.
 */
@Component
public class SigningKeys {

    private final SigningKeyStore store;
    private final Clock clock;
    private volatile KeyRing ring = new KeyRing(List.of());

    public SigningKeys(SigningKeyStore store, KeyRotation rotation, Clock clock) {
        this.store = store;
        this.clock = clock;
        rotation.maintain(clock.instant());
        refresh();
    }

    /** The key that signs now. */
    public SigningKey current() {
        return ring.current(clock.instant())
                .orElseThrow(() -> new IllegalStateException("No signing key is current; is key maintenance running?"));
    }

    /**
     * The public key for a {@code kid}, for verifying this service's own access tokens: present while the key
     * is published (next, current or retired), empty once it is withdrawn.
     */
    public Optional<PublicKey> publicKeyFor(String kid) {
        return ring.publicKeyFor(kid, clock.instant());
    }

    /** The JWK set (RFC 7517 section 5): the current key first, then the next and the retired ones. */
    public List<PublicJwk<?>> publicJwks() {
        return ring.published(clock.instant()).stream()
                .<PublicJwk<?>>map(SigningKey::jwk)
                .toList();
    }

    /** Reloads the keys from PostgreSQL; keys already held are not decrypted again. */
    public void refresh() {
        ring = store.load(ring);
    }

    /** The key set as this instance holds it, for tests and diagnostics. */
    public KeyRing ring() {
        return ring;
    }

    public record SigningKey(String kid, PrivateKey privateKey, PublicKey publicKey, PublicJwk<?> jwk) {

        static final String ALGORITHM = "ES256";

        /** A fresh P-256 key pair from the JDK's default SecureRandom (RFC 8725 section 3.5). */
        static SigningKey generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                return withThumbprintId(pair.getPrivate(), pair.getPublic());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** @param privateKey PKCS#8, @param publicKey X.509 SubjectPublicKeyInfo */
        static SigningKey restore(String kid, byte[] privateKey, byte[] publicKey) {
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
            PublicJwk<?> jwk = Jwks.builder()
                    .key((ECPublicKey) pub)
                    .algorithm(ALGORITHM)
                    .publicKeyUse("sig")
                    .idFromThumbprint()
                    .build();
            return new SigningKey(jwk.getId(), priv, pub, jwk);
        }

        @Override
        public String toString() {
            return "SigningKey[kid=" + kid + "]";
        }
    }
}
