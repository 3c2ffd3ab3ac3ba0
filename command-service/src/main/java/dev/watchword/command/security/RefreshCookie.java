package dev.watchword.command.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.http.ResponseCookie;

/**
 * Cookie mode of the refresh token, which a browser client asks for on each request with the header
 * {@code X-Watchword-Refresh: cookie}: the refresh token then travels only in an {@code HttpOnly} cookie that no
 * script of the page can read (OWASP ASVS 5.0 V3.3.1, V3.3.4), never in a JSON body, and the client keeps its
 * access token in memory.
 *
 * <ul>
 *   <li>{@code __Secure-} name prefix and {@code Secure}: sent over TLS only (browsers count
 *       {@code http://localhost} as secure, so development works too; RFC 6265bis section 4.1.3.1).</li>
 *   <li>{@code Path=/api/auth/token/}: the cookie reaches refresh and cookie-mode logout, nothing else.</li>
 *   <li>{@code SameSite=Strict}: no cross-site request carries it (ASVS V3.3.2), so a page on another site cannot
 *       ride it; the client's origin must be on the same site as Watchword (id.example.com for
 *       www.example.com).</li>
 *   <li>CSRF (ASVS V3.5.2): the cookie is read only when the request carries the custom header, which no form
 *       can send and which a cross-origin script can send only after a CORS preflight that names an allowed
 *       origin.</li>
 *   <li>One cookie per app ({@code __Secure-watchword-refresh-<client id>}), so two apps signed in in one
 *       browser keep their own sessions.</li>
 * </ul>
 */
public final class RefreshCookie {

    /** The request header that asks for cookie mode; its value is {@value #MODE}. */
    public static final String HEADER = "X-Watchword-Refresh";

    static final String MODE = "cookie";
    static final String PATH = "/api/auth/token/";
    static final String PREFIX = "__Secure-watchword-refresh-";

    private RefreshCookie() {}

    /** Whether this request asked for cookie mode. */
    public static boolean requested(HttpServletRequest request) {
        return MODE.equalsIgnoreCase(request.getHeader(HEADER));
    }

    /** The app's refresh cookie sent with a cookie-mode request, if any. */
    public static Optional<String> read(HttpServletRequest request, String clientId) {
        if (!requested(request) || request.getCookies() == null) {
            return Optional.empty();
        }
        String name = PREFIX + clientId;
        return Arrays.stream(request.getCookies())
                .filter(cookie -> name.equals(cookie.getName()))
                .map(Cookie::getValue)
                .filter(value -> !value.isBlank())
                .findFirst();
    }

    /** The cookie that carries a refresh token for as long as its session may live. */
    public static ResponseCookie carrying(String clientId, String refreshToken, Duration lifetime) {
        return base(clientId, refreshToken).maxAge(lifetime).build();
    }

    /** The cookie that removes the app's refresh cookie from the browser. */
    public static ResponseCookie cleared(String clientId) {
        return base(clientId, "").maxAge(Duration.ZERO).build();
    }

    private static ResponseCookie.ResponseCookieBuilder base(String clientId, String value) {
        return ResponseCookie.from(PREFIX + clientId, value)
                .path(PATH)
                .httpOnly(true)
                .secure(true)
                .sameSite("Strict");
    }
}
