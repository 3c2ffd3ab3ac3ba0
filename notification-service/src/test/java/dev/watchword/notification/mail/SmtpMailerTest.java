package dev.watchword.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

class SmtpMailerTest {

    private static final String FROM = "Watchword <no-reply@watchword.local>";

    private final SmtpMailer mailer = new SmtpMailer(new JavaMailSenderImpl(), new OutgoingMailProperties(FROM, null));

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

    @Test
    void messageWhenDefaultAppSenderNameThenFromAsConfigured() throws Exception {
        MimeMessage message = message("Watchword");

        assertThat(message.getHeader("From")).containsExactly(FROM);
    }

    @Test
    void messageWhenAppSenderNameThenItsDisplayNameOnTheConfiguredAddress() throws Exception {
        InternetAddress from = from(message("Acme Support"));

        assertThat(from.getPersonal()).isEqualTo("Acme Support");
        assertThat(from.getAddress()).isEqualTo("no-reply@watchword.local");
    }

    @Test
    void messageWhenNoSenderNameThenAddressAlone() throws Exception {
        assertThat(message(null).getHeader("From")).containsExactly("no-reply@watchword.local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n", "\r", "\u0085", "\u2028"})
    void messageWhenSenderNameHasLineBreakThenFromStaysOneLineAndAddsNoHeader(String lineBreak) throws Exception {
        // given: what command-service refuses, in case an event carries it anyway
        MimeMessage message = message("Acme" + lineBreak + "Bcc: victim@example.com");

        // when
        String written = written(message);

        // then: neither a header of its own nor a folded line that a lenient relay might read as one
        assertThat(written)
                .contains("\r\nFrom: \"Acme Bcc: victim@example.com\" <no-reply@watchword.local>\r\n")
                .doesNotContainIgnoringCase("Bcc: victim@example.com\r\n");
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(from(message).getAddress()).isEqualTo("no-reply@watchword.local");
    }

    @Test
    void messageWhenSenderNameLooksLikeAnAddressThenItStaysTheDisplayName() throws Exception {
        InternetAddress from = from(message("Bank\" <ceo@bank.example>, \"x"));

        assertThat(from.getAddress()).isEqualTo("no-reply@watchword.local");
        assertThat(from.getPersonal()).isEqualTo("Bank\" <ceo@bank.example>, \"x");
        assertThat(message("Bank\" <ceo@bank.example>, \"x").getFrom()).hasSize(1);
    }

    @Test
    void messageWhenSenderNameNotAsciiThenEncodedWord() throws Exception {
        MimeMessage message = message("Café Zürich");

        assertThat(message.getHeader("From")[0]).startsWith("=?UTF-8?");
        assertThat(from(message).getPersonal()).isEqualTo("Café Zürich");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ceo<attacker@evil.example>",
                "Ceo <attacker@evil.example>",
                "attacker@evil.example (ceo@bank.example)",
                "ceo@bank.example, attacker@evil.example",
                "\"ceo\" <attacker@evil.example>"
            })
    void messageWhenRecipientIsNotABareAddressThenNothingToSend(String recipient) {
        assertThatThrownBy(() -> mailer.message(
                        "event-1", recipient, new ComposedEmail("Watchword", "Subject", "text", "<p>html</p>")))
                .isInstanceOf(MailPreparationException.class);
    }

    @Test
    void messageWhenBareRecipientThenExactlyThatAddress() throws Exception {
        InternetAddress[] to = (InternetAddress[]) message("Watchword").getRecipients(MimeMessage.RecipientType.TO);

        assertThat(to).hasSize(1);
        assertThat(to[0].getAddress()).isEqualTo("alice@example.com");
        assertThat(to[0].getPersonal()).isNull();
    }

    private MimeMessage message(String senderName) throws Exception {
        MimeMessage message = mailer.message(
                "event-1", "alice@example.com", new ComposedEmail(senderName, "Subject", "text", "<p>html</p>"));
        message.saveChanges();
        return message;
    }

    /** The From address as a mail client reads it back from the written message. */
    private static InternetAddress from(MimeMessage message) throws Exception {
        MimeMessage read = new MimeMessage(
                null, new java.io.ByteArrayInputStream(written(message).getBytes(StandardCharsets.UTF_8)));
        assertThat(read.getFrom()).hasSize(1);
        return (InternetAddress) read.getFrom()[0];
    }

    private static String written(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
