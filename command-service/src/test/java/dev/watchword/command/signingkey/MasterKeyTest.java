package dev.watchword.command.signingkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class MasterKeyTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final byte[] SECRET = "pkcs8 bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void openWhenSealedForSameKidThenPlaintext() {
        MasterKey master = MasterKey.fromBase64(KEY);

        byte[] sealed = master.seal(SECRET, "kid-1");

        assertThat(sealed).isNotEqualTo(SECRET);
        assertThat(master.open(sealed, "kid-1")).isEqualTo(SECRET);
    }

    @Test
    void openWhenOtherKidThenRejected() {
        MasterKey master = MasterKey.fromBase64(KEY);

        byte[] sealed = master.seal(SECRET, "kid-1");

        assertThatThrownBy(() -> master.open(sealed, "kid-2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openWhenOtherMasterKeyThenRejected() {
        byte[] sealed = MasterKey.fromBase64(KEY).seal(SECRET, "kid-1");
        byte[] other = new byte[32];
        other[0] = 1;

        assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(other))
                        .open(sealed, "kid-1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fromBase64WhenMissingOrShortThenUnusable() {
        assertThatThrownBy(() -> MasterKey.fromBase64(""))
                .isInstanceOf(UnusableMasterKey.class)
                .hasMessageContaining("WATCHWORD_MASTER_KEY is not set");
        assertThatThrownBy(() -> MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(UnusableMasterKey.class)
                .hasMessageContaining("not 32");
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64!")).isInstanceOf(UnusableMasterKey.class);
    }
}
