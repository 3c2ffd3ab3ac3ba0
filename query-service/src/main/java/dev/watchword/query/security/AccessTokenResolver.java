package dev.watchword.query.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.stereotype.Component;

/**
 * Takes the access token from the {@code Authorization} header only (RFC 6750 section 2.1; never from the query or
 * a form, section 5.3), exactly as Spring Security's {@link DefaultBearerTokenResolver} does with its defaults, but
 * with a loop instead of its regular expression {@code ^Bearer (?<token>[a-zA-Z0-9-._~+/]+=*)$}, which cost a
 * few percent of every bearer request on a 700-character token. A header that does not start with {@code bearer}
 * (any case) names no bearer token; one that does but is not {@code Bearer <b64token>} is refused as
 * {@code invalid_token}. Spring Security uses this bean in every resource-server filter chain.
 */
@Component
class AccessTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        if (!isBearerCredentials(header)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(SCHEME.length());
    }

    /** {@code Bearer} (ASCII letters in any case), one space, then the b64token of RFC 6750 section 2.1. */
    static boolean isBearerCredentials(String header) {
        int length = header.length();
        if (length <= SCHEME.length() || !startsWithScheme(header)) {
            return false;
        }
        int i = SCHEME.length();
        while (i < length && isTokenCharacter(header.charAt(i))) {
            i++;
        }
        if (i == SCHEME.length()) {
            return false;
        }
        while (i < length && header.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean startsWithScheme(String header) {
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = header.charAt(i);
            char expected = SCHEME.charAt(i);
            // Case-insensitive in ASCII only, as the pattern's CASE_INSENSITIVE flag without UNICODE_CASE.
            if (c != expected && !(c < 0x80 && Character.toLowerCase(c) == Character.toLowerCase(expected))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
