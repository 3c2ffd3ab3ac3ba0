package dev.watchword.events.app;

import java.util.List;

/**
 * A client app's login settings, whole (each change records the full new value, so any point in time reads
 * from one event).
 *
 * @param loginMethods            allowed: any of {@code password}, {@code magic_link}, {@code email_otp}
 * @param requireVerifiedEmail    whether login waits for a verified address
 * @param accessTokenMinutes      access token lifetime
 * @param refreshTokenDays        refresh token (session) lifetime
 * @param passwordMinLength       minimum password length (8 or more)
 * @param corsOrigins             origins allowed to call Watchword from a browser for this app
 * @param linkBaseUrl             where links in this app's emails point
 * @param senderName              the display name of this app's emails
 */
public record AppSettings(
        List<String> loginMethods,
        boolean requireVerifiedEmail,
        int accessTokenMinutes,
        int refreshTokenDays,
        int passwordMinLength,
        List<String> corsOrigins,
        String linkBaseUrl,
        String senderName) {}
