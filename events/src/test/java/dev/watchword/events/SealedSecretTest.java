package dev.watchword.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.watchword.events.secret.SealedSecret;
import org.junit.jupiter.api.Test;

class SealedSecretTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String OTHER_KEY = "HwAeAB0AHAAbABoAGQAYABcAFgAVABQAEwASABEAEAA=";

    @Test
    void openWhenSealedWithSameKeyAndBindingThenSecretReturned() {
        SealedSecret sealer = SealedSecret.withKey(KEY);

        String sealed = sealer.seal("link-token", "user-1");

        assertThat(sealed).doesNotContain("link-token");
        assertThat(sealer.open(sealed, "user-1")).isEqualTo("link-token");
    }

    @Test
    void openWhenBoundToAnotherUserThenRejected() {
        SealedSecret sealer = SealedSecret.withKey(KEY);
        String sealed = sealer.seal("link-token", "user-1");

        assertThatIllegalArgumentException().isThrownBy(() -> sealer.open(sealed, "user-2"));
    }

    @Test
    void openWhenOtherKeyThenRejected() {
        String sealed = SealedSecret.withKey(KEY).seal("link-token", "user-1");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> SealedSecret.withKey(OTHER_KEY).open(sealed, "user-1"));
    }

    @Test
    void withKeyWhenNot32BytesThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> SealedSecret.withKey("AAEC"));
    }
}
