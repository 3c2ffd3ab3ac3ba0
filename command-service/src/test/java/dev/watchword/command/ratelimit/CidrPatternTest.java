package dev.watchword.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CidrPatternTest {

    private static final List<String> DEFAULTS = new TrustedProxies(List.of(
                    "127.0.0.0/8",
                    "10.0.0.0/8",
                    "172.16.0.0/12",
                    "192.168.0.0/16",
                    "100.64.0.0/10",
                    "169.254.0.0/16",
                    "::1/128",
                    "fc00::/7",
                    "fe80::/10"))
            .trusted();

    private static boolean matches(String blocks, String address) {
        return Pattern.compile(blocks).matcher(address).matches();
    }

    @Test
    void patternWhenDefaultsThenLoopbackAndPrivateRangesOnly() {
        String pattern = CidrPattern.anyOf(DEFAULTS);

        assertThat(List.of(
                        "127.0.0.1",
                        "10.255.3.4",
                        "172.16.0.1",
                        "172.31.255.255",
                        "192.168.1.1",
                        "100.64.0.1",
                        "100.127.255.255",
                        "169.254.1.1",
                        "0:0:0:0:0:0:0:1",
                        "fd00:0:0:0:0:0:0:2",
                        "fc00:0:0:0:0:0:0:1",
                        "fe80:0:0:0:fc:ff:fe00:1",
                        "fe80:0:0:0:0:0:0:1%eth0",
                        "febf:0:0:0:0:0:0:1"))
                .allMatch(address -> matches(pattern, address));
        assertThat(List.of(
                        "8.8.8.8",
                        "172.15.255.255",
                        "172.32.0.1",
                        "192.169.0.1",
                        "100.128.0.1",
                        "11.0.0.1",
                        "128.0.0.1",
                        "1.127.0.0",
                        "2001:db8:0:0:0:0:0:1",
                        "fe00:0:0:0:0:0:0:1",
                        "fec0:0:0:0:0:0:0:1",
                        "0:0:0:0:0:0:0:2",
                        "127.0.0.1.evil",
                        "x127.0.0.1"))
                .noneMatch(address -> matches(pattern, address));
    }

    @Test
    void patternWhenRandomAddressesThenSameAnswerAsPrefixArithmetic() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            boolean v6 = random.nextBoolean();
            byte[] network = new byte[v6 ? 16 : 4];
            random.nextBytes(network);
            int prefix = random.nextInt(network.length * 8 + 1);
            String block = InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            String pattern = CidrPattern.of(block);
            for (int j = 0; j < 40; j++) {
                byte[] candidate = network.clone();
                // Flip one random bit: inside the block exactly when the bit is past the prefix.
                int bit = random.nextInt(network.length * 8);
                candidate[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
                String address = InetAddress.getByAddress(candidate).getHostAddress();
                assertThat(matches(pattern, address))
                        .as(block + " ~ " + address)
                        .isEqualTo(bit >= prefix);
                byte[] other = new byte[network.length];
                random.nextBytes(other);
                String otherAddress = InetAddress.getByAddress(other).getHostAddress();
                assertThat(matches(pattern, otherAddress))
                        .as(block + " ~ " + otherAddress)
                        .isEqualTo(samePrefix(network, other, prefix));
            }
        }
    }

    @Test
    void anyOfWhenEmptyThenMatchesNothing() {
        assertThat(matches(CidrPattern.anyOf(List.of()), "127.0.0.1")).isFalse();
    }

    @Test
    void ofWhenNotAnAddressThenRejected() {
        assertThatThrownBy(() -> CidrPattern.of("gateway.internal/32")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CidrPattern.of("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(List.of("10.0.0.0/x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static boolean samePrefix(byte[] a, byte[] b, int prefix) {
        int bits = a.length * 8;
        BigInteger mask = prefix == 0
                ? BigInteger.ZERO
                : BigInteger.ONE
                        .shiftLeft(bits)
                        .subtract(BigInteger.ONE)
                        .shiftRight(bits - prefix)
                        .shiftLeft(bits - prefix);
        return new BigInteger(1, a).and(mask).equals(new BigInteger(1, b).and(mask));
    }
}
