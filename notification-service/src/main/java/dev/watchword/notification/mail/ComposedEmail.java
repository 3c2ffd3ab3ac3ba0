package dev.watchword.notification.mail;

/** One rendered email: sent as multipart/alternative with the text part first, HTML preferred (RFC 2046). */
public record ComposedEmail(String subject, String text, String html) {
}
