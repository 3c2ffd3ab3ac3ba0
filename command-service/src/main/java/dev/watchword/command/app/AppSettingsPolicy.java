package dev.watchword.command.app;

import dev.watchword.events.app.AppSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules for an app's name and settings, and the settings a new app starts with. A rule broken throws
 * {@link AppSettingRejected} naming the rule; nothing is normalized silently except duplicate login methods.
 */
public final class AppSettingsPolicy {

    /** The longest access token lifetime an app may choose; signing keys stay published at least this long. */
    public static final Duration LONGEST_ACCESS_TOKEN = Duration.ofMinutes(60);

    public static final List<String> LOGIN_METHODS = List.of("password", "magic_link", "email_otp");
    static final int MAX_CORS_ORIGINS = 20;
    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_URL_LENGTH = 2000;
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private AppSettingsPolicy() {}

    /**
     * A new app's settings: every login method, no verified email needed, access tokens 5 minutes, refresh tokens
     * 1 day, passwords of 8 characters or more, no CORS origins, links to the public URL, mails from the app's name.
     */
    public static AppSettings defaults(String appName, String publicUrl) {
        return new AppSettings(LOGIN_METHODS, false, 5, 1, 8, List.of(), publicUrl, appName);
    }

    static void requireValidName(String name) {
        if (!isDisplayName(name)) {
            throw AppSettingRejected.appName();
        }
    }

    /** The settings as they are to be recorded, or the first rule they break. */
    static AppSettings validated(AppSettings settings) {
        List<String> methods = settings.loginMethods() == null
                ? List.of()
                : settings.loginMethods().stream().distinct().toList();
        if (methods.isEmpty() || !LOGIN_METHODS.containsAll(methods)) {
            throw AppSettingRejected.loginMethods();
        }
        if (settings.accessTokenMinutes() < 1 || settings.accessTokenMinutes() > LONGEST_ACCESS_TOKEN.toMinutes()) {
            throw AppSettingRejected.accessTokenMinutes();
        }
        if (settings.refreshTokenDays() < 1 || settings.refreshTokenDays() > 90) {
            throw AppSettingRejected.refreshTokenDays();
        }
        if (settings.passwordMinLength() < 8 || settings.passwordMinLength() > 64) {
            throw AppSettingRejected.passwordMinLength();
        }
        List<String> origins = settings.corsOrigins() == null ? List.of() : settings.corsOrigins();
        if (origins.size() > MAX_CORS_ORIGINS || !origins.stream().allMatch(AppSettingsPolicy::isExactOrigin)) {
            throw AppSettingRejected.corsOrigin();
        }
        if (!isLinkBase(settings.linkBaseUrl())) {
            throw AppSettingRejected.linkBaseUrl();
        }
        // Goes into a From: header: a CR or LF would let it add headers of its own (header injection).
        if (!isDisplayName(settings.senderName())) {
            throw AppSettingRejected.senderName();
        }
        return new AppSettings(
                methods,
                settings.requireVerifiedEmail(),
                settings.accessTokenMinutes(),
                settings.refreshTokenDays(),
                settings.passwordMinLength(),
                List.copyOf(origins),
                settings.linkBaseUrl(),
                settings.senderName());
    }

    private static boolean isDisplayName(String name) {
        return name != null
                && !name.isBlank()
                && name.length() <= MAX_NAME_LENGTH
                && name.codePoints().noneMatch(Character::isISOControl);
    }

    /**
     * Exactly what a browser sends in {@code Origin} (RFC 6454 section 6.1): lower-case scheme and host, the port
     * only when it is not the scheme's default, nothing else. Anything else could never match, or matches too much.
     */
    private static boolean isExactOrigin(String origin) {
        URI uri = parse(origin);
        if (uri == null
                || uri.getScheme() == null
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return false;
        }
        String scheme = uri.getScheme();
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return false;
        }
        int port = uri.getPort();
        if ((scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80)) {
            return false;
        }
        String canonical = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port == -1 ? "" : ":" + port);
        return canonical.equals(origin);
    }

    /**
     * Every emailed link, with its one-time token, goes to this base, so it must be an origin the app controls and
     * nothing that could lead elsewhere: exactly {@code https://host[:port]} (RFC 6454 section 6.1 serialization:
     * lower case, no default port), no userinfo, path, query or fragment, so it is never a path on someone else's
     * host nor a redirector; plain http only for localhost, in development (OWASP ASVS 5.0 V12.2.1, TLS only).
     */
    private static boolean isLinkBase(String url) {
        if (url == null || url.length() > MAX_URL_LENGTH || !isExactOrigin(url)) {
            return false;
        }
        URI uri = parse(url);
        return uri.getScheme().equals("https") || LOCAL_HOSTS.contains(uri.getHost());
    }

    private static URI parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
