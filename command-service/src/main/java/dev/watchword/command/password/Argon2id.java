package dev.watchword.command.password;

import java.lang.ref.SoftReference;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.FixedBlockPool;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2 (RFC 9106) in the PHC string format that Spring Security's {@code Argon2PasswordEncoder} writes and reads
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded base64), so every stored hash still matches, but
 * with its memory reused from one hash to the next.
 * <p>
 * Bouncy Castle's generator takes its 1 KiB blocks from a pool, and Spring's encoder gives it a new pool each time:
 * every check allocated and dropped 19 MiB in 19,456 small objects, which at a few dozen logins a second filled the
 * young generation every few hundred milliseconds. Here each running hash borrows a whole pool for itself (there are
 * at most as many as hashes run at once, which the {@link HashingBulkhead} bounds) and gives it back. Bouncy Castle
 * zeroes each block as it goes back into a pool, so nothing derived from a password outlives its hash. The pools are
 * held softly, so that the collector can take them back when the heap runs short. Keycloak's Argon2 provider pools
 * its blocks the same way.
 */
final class Argon2id {

    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
    /** Blocks Bouncy Castle takes from the pool besides the memory itself (its fill function's scratch blocks). */
    private static final int SCRATCH_BLOCKS = 4;

    private final int saltBytes;
    private final int hashBytes;
    private final int parallelism;
    private final int memoryKib;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentLinkedDeque<SoftReference<FixedBlockPool>> pools = new ConcurrentLinkedDeque<>();

    Argon2id(int saltBytes, int hashBytes, int parallelism, int memoryKib, int iterations) {
        this.saltBytes = saltBytes;
        this.hashBytes = hashBytes;
        this.parallelism = parallelism;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    String encode(String password) {
        byte[] salt = new byte[saltBytes];
        random.nextBytes(salt);
        byte[] hash = new byte[hashBytes];
        generate(
                password,
                hash,
                new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                        .withSalt(salt)
                        .withParallelism(parallelism)
                        .withMemoryAsKB(memoryKib)
                        .withIterations(iterations));
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** With the parameters stored in the hash, whatever they were when it was made; false for anything unreadable. */
    boolean matches(String password, String encoded) {
        try {
            Stored stored = Stored.parse(encoded);
            byte[] actual = new byte[stored.hash().length];
            generate(password, actual, stored.parameters());
            return MessageDigest.isEqual(actual, stored.hash());
        } catch (IllegalArgumentException | IllegalStateException | ArrayIndexOutOfBoundsException unreadable) {
            return false;
        }
    }

    private void generate(String password, byte[] out, Argon2Parameters.Builder parameters) {
        FixedBlockPool pool = borrow();
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters.withBlockPool(pool).build());
            // Characters to UTF-8 by Bouncy Castle's converter, as Spring's encoder did: the same bytes for any input.
            generator.generateBytes(password.toCharArray(), out);
        } finally {
            pools.offerLast(new SoftReference<>(pool));
        }
    }

    private FixedBlockPool borrow() {
        SoftReference<FixedBlockPool> held;
        while ((held = pools.pollLast()) != null) {
            FixedBlockPool pool = held.get();
            if (pool != null) {
                return pool;
            }
        }
        return new FixedBlockPool(memoryKib + SCRATCH_BLOCKS);
    }

    /** A stored hash, read as Spring Security's {@code Argon2EncodingUtils} reads it. */
    private record Stored(Argon2Parameters.Builder parameters, byte[] hash) {

        static Stored parse(String encoded) {
            String[] parts = encoded.split("\\$");
            if (parts.length < 4 || !parts[0].isEmpty()) {
                throw new IllegalArgumentException("not an Argon2 hash");
            }
            Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(type(parts[1]));
            int next = 2;
            if (parts[next].startsWith("v=")) {
                parameters.withVersion(Integer.parseInt(parts[next].substring(2)));
                next++;
            } else {
                parameters.withVersion(Argon2Parameters.ARGON2_VERSION_10);
            }
            if (parts.length != next + 3) {
                throw new IllegalArgumentException("not an Argon2 hash");
            }
            for (String setting : parts[next].split(",")) {
                String[] pair = setting.split("=", 2);
                int value = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> parameters.withMemoryAsKB(value);
                    case "t" -> parameters.withIterations(value);
                    case "p" -> parameters.withParallelism(value);
                    default -> throw new IllegalArgumentException("unknown Argon2 parameter");
                }
            }
            parameters.withSalt(B64_DECODER.decode(parts[next + 1]));
            return new Stored(parameters, B64_DECODER.decode(parts[next + 2]));
        }

        private static int type(String name) {
            return switch (name) {
                case "argon2id" -> Argon2Parameters.ARGON2_id;
                case "argon2i" -> Argon2Parameters.ARGON2_i;
                case "argon2d" -> Argon2Parameters.ARGON2_d;
                default -> throw new IllegalArgumentException("not an Argon2 hash");
            };
        }
    }
}
