package dev.watchword.notification.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmtpMailerTest {

    @Test
    void messageIdOfWhenUuidEventIdThenDerivedFromIt() {
        assertThat(SmtpMailer.messageIdOf("0b5f1a6e-3c1d-4f7a-9a53-2a1f0c9e7d11"))
                .isEqualTo("<0b5f1a6e-3c1d-4f7a-9a53-2a1f0c9e7d11@watchword>");
    }

    @Test
    void messageIdOfWhenEventIdCouldBreakTheHeaderThenHexEncoded() {
        String id = SmtpMailer.messageIdOf("x>\r\nBcc: victim@example.com");

        assertThat(id).matches("<[0-9a-f]+@watchword>");
        assertThat(SmtpMailer.messageIdOf("x>\r\nBcc: victim@example.com")).isEqualTo(id);
    }
}
