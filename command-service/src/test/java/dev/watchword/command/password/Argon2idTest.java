package dev.watchword.command.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class Argon2idTest {

    // Small memory keeps the test fast; the format and the algorithm are the same at any size.
    private final Argon2id argon2 = new Argon2id(16, 32, 1, 64, 2);
    private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 64, 2);

    @Test
    void matchesWhenHashWrittenBySpringsEncoderThenStoredHashesStillMatch() {
        String stored = spring.encode("correct horse battery staple");

        assertThat(argon2.matches("correct horse battery staple", stored)).isTrue();
        assertThat(argon2.matches("correct horse battery stapler", stored)).isFalse();
    }

    @Test
    void encodeWhenReadBySpringsEncoderThenMatchesInTheSameFormat() {
        String ours = argon2.encode("pässwörd \uD83D\uDD11");

        assertThat(ours).startsWith("$argon2id$v=19$m=64,t=2,p=1$");
        assertThat(spring.matches("pässwörd \uD83D\uDD11", ours)).isTrue();
    }

    @Test
    void matchesWhenOtherParametersStoredThenCheckedWithThose() {
        String older = new Argon2PasswordEncoder(16, 32, 1, 128, 3).encode("an older hash");

        assertThat(argon2.matches("an older hash", older)).isTrue();
    }

    @Test
    void matchesWhenMemoryReusedManyTimesThenEveryResultStaysRight() {
        String first = argon2.encode("first");
        String second = argon2.encode("second");

        for (int i = 0; i < 5; i++) {
            assertThat(argon2.matches("first", first)).isTrue();
            assertThat(argon2.matches("second", first)).isFalse();
            assertThat(argon2.matches("second", second)).isTrue();
        }
    }

    @Test
    void matchesWhenStoredValueUnreadableThenFalse() {
        assertThat(argon2.matches("x", "")).isFalse();
        assertThat(argon2.matches("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(argon2.matches("x", "$argon2id$v=19$m=64,t=2$c2FsdA$aGFzaA")).isFalse();
        assertThat(argon2.matches("x", "$argon2id$v=19$m=64,t=2,p=1,q=1$c2FsdA$aGFzaA"))
                .isFalse();
    }
}
