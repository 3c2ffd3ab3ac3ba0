package dev.watchword.devstack;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One received email as the inbox shows it, also the JSON shape of {@code GET /api/messages}.
 *
 * @param index its position in arrival order, oldest first: stable until the inbox is emptied, so it can name the
 * message in a URL
 * @param to the bare addresses of the {@code To} header
 * @param receivedAt when GreenMail received it, ISO-8601
 * @param text the first {@code text/plain} part that is not an attachment, or {@code null}
 * @param html the first {@code text/html} part that is not an attachment, or {@code null}
 */
record InboxMessage(
        int index,
        String messageId,
        String from,
        List<String> to,
        String subject,
        String receivedAt,
        String text,
        String html) {

    /** Everything GreenMail holds, oldest first. */
    static List<InboxMessage> readAll(MimeMessage[] received) {
        // GreenMail lists mailbox by mailbox, not in arrival order; a stable sort keeps ties in its order.
        List<MimeMessage> byArrival = Arrays.stream(received)
                .sorted(Comparator.comparing(InboxMessage::arrival))
                .toList();
        return IntStream.range(0, byArrival.size())
                .mapToObj(i -> read(i, byArrival.get(i)))
                .toList();
    }

    boolean isTo(String address) {
        return to.stream().anyMatch(address::equalsIgnoreCase);
    }

    private static InboxMessage read(int index, MimeMessage message) {
        String receivedAt = arrival(message).toString();
        try {
            Parts parts = new Parts();
            parts.collect(message);
            String from =
                    addresses(message.getFrom(), false).stream().findFirst().orElse("");
            List<String> to = addresses(message.getRecipients(Message.RecipientType.TO), true);
            String subject = message.getSubject() == null ? "" : message.getSubject();
            return new InboxMessage(
                    index, message.getMessageID(), from, to, subject, receivedAt, parts.text, parts.html);
        } catch (MessagingException | IOException ex) {
            // One unreadable message must not hide the others.
            return new InboxMessage(
                    index, null, "", List.of(), "(unreadable: " + ex.getMessage() + ")", receivedAt, null, null);
        }
    }

    private static Instant arrival(MimeMessage message) {
        try {
            return message.getReceivedDate() == null
                    ? Instant.EPOCH
                    : message.getReceivedDate().toInstant();
        } catch (MessagingException ex) {
            return Instant.EPOCH;
        }
    }

    private static List<String> addresses(Address[] addresses, boolean bare) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses)
                .map(address -> address instanceof InternetAddress internet
                        ? (bare ? internet.getAddress() : internet.toUnicodeString())
                        : address.toString())
                .toList();
    }

    /** The readable bodies of a message, however deeply its multiparts nest them. */
    private static final class Parts {

        private String text;

        private String html;

        void collect(Part part) throws MessagingException, IOException {
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("text/plain") && text == null) {
                text = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            } else if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            }
        }
    }
}
