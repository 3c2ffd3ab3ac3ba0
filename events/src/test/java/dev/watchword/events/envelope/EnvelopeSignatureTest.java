package dev.watchword.events.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeSignatureTest {

    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String OTHER_KEY = "HxwdHhobGBkWFxQVEhMQEQ4PDA0KCwgJBgcEBQIDAAE=";
    private static final byte[] VALUE = "{\"eventId\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);

    private final EnvelopeSignature signature = EnvelopeSignature.withKey(KEY);

    @Test
    void verifiesWhenSignedWithSameKeyThenTrue() {
        assertThat(signature.verifies("user-1", VALUE, signature.sign("user-1", VALUE)))
                .isTrue();
        assertThat(signature.sign("user-1", VALUE)).hasSize(32);
    }

    @Test
    void verifiesWhenValueKeyOrSigningKeyDifferThenFalse() {
        byte[] tag = signature.sign("user-1", VALUE);
        byte[] altered = VALUE.clone();
        altered[3] ^= 1;

        assertThat(signature.verifies("user-1", altered, tag)).isFalse();
        assertThat(signature.verifies("user-2", VALUE, tag)).isFalse();
        assertThat(signature.verifies(null, VALUE, tag)).isFalse();
        assertThat(EnvelopeSignature.withKey(OTHER_KEY).verifies("user-1", VALUE, tag))
                .isFalse();
    }

    @Test
    void verifiesWhenTagMissingThenFalse() {
        assertThat(signature.verifies("user-1", VALUE, null)).isFalse();
        assertThat(signature.verifies("user-1", VALUE, new byte[0])).isFalse();
    }

    @Test
    void withKeyWhenMissingOrShortThenRejected() {
        assertThatThrownBy(() -> EnvelopeSignature.withKey(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(EnvelopeSignature.VARIABLE);
        assertThatThrownBy(() -> EnvelopeSignature.withKey("AAECAwQFBgc="))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EnvelopeSignature.withKey("not base64!")).isInstanceOf(IllegalArgumentException.class);
    }
}
