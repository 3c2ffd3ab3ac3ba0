package dev.watchword.notification.mail;

/**
 * One rendered email: sent as multipart/alternative with the text part first, HTML preferred (RFC 2046).
 *
 * @param senderName the From display name, {@code null} for the sender address alone
 */
public record ComposedEmail(String senderName, String subject, String text, String html) {}
