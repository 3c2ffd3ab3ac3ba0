package dev.watchword.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Pattern;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/** Hands one composed email to the SMTP relay configured under {@code spring.mail.*}. */
@Component
class SmtpMailer {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");
    /** C0 and C1 controls (CR, LF, TAB among them) and the Unicode line and paragraph separators. */
    private static final Pattern LINE_BREAKING = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

    private final JavaMailSenderImpl sender;
    private final String fromAddress;

    SmtpMailer(JavaMailSenderImpl sender, OutgoingMailProperties properties) {
        this.sender = sender;
        // Parsed at startup, so that a malformed setting stops the service instead of every email.
        this.fromAddress = properties.fromAddress().getAddress();
    }

    /**
     * The Message-ID is derived from the event id, so a resend after a crash between sending and recording
     * it carries the same id and mail clients show it once.
     *
     * @throws org.springframework.mail.MailException when the relay is unreachable or refuses the email
     */
    void send(String eventId, String recipient, ComposedEmail email) {
        sender.send(message(eventId, recipient, email));
    }

    /** The message {@link #send} hands to the relay. */
    MimeMessage message(String eventId, String recipient, ComposedEmail email) {
        try {
            MimeMessage message = new FixedIdMimeMessage(sender.getSession(), messageIdOf(eventId));
            message.setFrom(from(email.senderName()));
            message.setRecipient(MimeMessage.RecipientType.TO, bare(recipient));
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            MimeMultipart alternatives = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
            // RFC 2046 5.1.4: the last alternative is the preferred one.
            alternatives.addBodyPart(text);
            alternatives.addBodyPart(html);
            message.setContent(alternatives);
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("Could not build the email for event " + eventId, e);
        }
    }

    /**
     * The stored address, exactly: JavaMail reads {@code ceo<attacker@evil.example>} as a mailbox named "ceo" at
     * attacker@evil.example, so anything but a bare addr-spec (RFC 5322 section 3.4.1) that parses back to itself
     * is refused instead of sent to whatever the parser finds in it. command-service accepts bare addresses only;
     * this holds whatever an event carries.
     */
    private static InternetAddress bare(String recipient) throws AddressException {
        InternetAddress parsed = new InternetAddress(recipient, true);
        if (parsed.getPersonal() != null || !recipient.equals(parsed.getAddress()) || parsed.isGroup()) {
            throw new AddressException("The recipient is not a bare address");
        }
        return parsed;
    }

    /**
     * The configured address with the app's display name. The name is set as the address's personal name,
     * which JavaMail quotes or RFC 2047-encodes as a whole, never pasted into the header: a quote or an angle
     * bracket in it stays part of the name. A line break is the one thing quoting keeps: JavaMail folds it, but
     * a relay that splits lines on a bare CR or LF would read what follows as a header of the sender's choosing
     * (header injection). So line-breaking characters become spaces first. command-service refuses them in
     * {@code senderName} already; this holds whatever an event carries.
     */
    private InternetAddress from(String senderName) throws UnsupportedEncodingException {
        InternetAddress from = new InternetAddress();
        from.setAddress(fromAddress);
        String displayName = senderName == null
                ? ""
                : LINE_BREAKING.matcher(senderName).replaceAll(" ").strip();
        if (!displayName.isEmpty()) {
            from.setPersonal(displayName, StandardCharsets.UTF_8.name());
        }
        return from;
    }

    static String messageIdOf(String eventId) {
        // The event id comes off the topic; only a header-safe one goes into a header as it is.
        String local = SAFE_ID.matcher(eventId).matches()
                ? eventId
                : java.util.HexFormat.of().formatHex(eventId.getBytes(StandardCharsets.UTF_8));
        return "<" + local + "@watchword>";
    }

    /** JavaMail replaces the Message-ID with a random one on save; this keeps the one derived from the event. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
