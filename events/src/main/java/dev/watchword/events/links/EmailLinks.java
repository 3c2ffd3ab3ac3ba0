package dev.watchword.events.links;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The links that emails carry, agreed between command-service (which serves the pages) and
 * notification-service (which writes the emails). The token rides in the URL fragment, which browsers never
 * send to a server, so it reaches no access log or proxy; each page posts it to the API (a GET never spends a
 * token, so a mail scanner that follows links spends nothing).
 */
public final class EmailLinks {

    public static final String VERIFY_EMAIL = "/verify-email";
    public static final String RESET_PASSWORD = "/reset-password";
    public static final String MAGIC_LINK = "/magic-link";
    public static final String CONFIRM_EMAIL_CHANGE = "/confirm-email-change";

    private EmailLinks() {}

    /** @param publicUrl the configured public origin, never a request's Host header */
    public static String link(String publicUrl, String page, String token) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + page + "#token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
