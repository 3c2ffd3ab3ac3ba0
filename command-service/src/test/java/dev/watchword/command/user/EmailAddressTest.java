package dev.watchword.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ada@example.com",
                "Ada.Lovelace+tag@Example.COM",
                "o'brien@mail.example.co.uk",
                "x!#$%&*/=?^_`{|}~-y@example.com",
                "jürgen@bücher.example",
                "ada@xn--bcher-kva.example",
                "a@b.c1"
            })
    void normalizeWhenBareAddrSpecThenAccepted(String address) {
        assertThat(EmailAddress.normalize(address)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ceo<attacker@evil.example>",
                "Ceo <ceo@example.com>",
                "<ceo@example.com>",
                "ceo@example.com (Ceo)",
                "ceo(comment)@example.com",
                "\"ceo\"@example.com",
                "\"a@b\"@example.com",
                "ceo@[192.0.2.1]",
                "ceo@example.com,other@example.com",
                "ceo@example.com;other@example.com",
                "ceo\u0000@example.com",
                "ceo@example.com\r\nBcc: x@evil.example",
                "ce o@example.com",
                "ceo@exa mple.com",
                "ceo@example",
                ".ceo@example.com",
                "ceo.@example.com",
                "c..eo@example.com",
                "ceo@.example.com",
                "ceo@example..com",
                "ceo@-example.com",
                "ceo@example-.com",
                "ceo\\@example.com",
                "ceo:x@example.com",
                "ceo@example.com.",
                "\u202eceo@example.com",
                "ceo@ex\u200bample.com"
            })
    void normalizeWhenNotABareAddrSpecThenRejected(String address) {
        assertThat(EmailAddress.normalize(address)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"  Ada@Example.com ", "ADA@EXAMPLE.COM"})
    void normalizeWhenSpelledDifferentlyThenOneForm(String address) {
        assertThat(EmailAddress.normalize(address)).contains("ada@example.com");
    }

    @ParameterizedTest
    @ValueSource(ints = {65, 255})
    void normalizeWhenTooLongThenRejected(int localLength) {
        String address = "a".repeat(localLength) + "@example.com";

        assertThat(EmailAddress.normalize(address)).isEmpty();
    }
}
