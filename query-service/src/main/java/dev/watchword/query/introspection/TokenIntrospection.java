package dev.watchword.query.introspection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.watchword.accesstoken.AccessTokenRules;
import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * An introspection response (RFC 7662 section 2.2). Absent members are left out, so an inactive token is
 * exactly {@code {"active": false}}: section 2.2 advises against saying more about a token that is not
 * active, since that would tell a caller why.
 *
 * @param roles     the token's {@code roles} claim; Watchword issues roles, not scopes
 * @param tokenType the {@code token_type} of RFC 6749 section 7.1, as section 2.2 defines it; {@code Bearer},
 *                  as the login response says
 * @param clientId  the client id of the app the token was issued to (section 2.2), absent in tokens issued before
 *                  client apps applied to tokens
 * @param tenant    the app the token belongs to, {@code default} for the default app and for older tokens
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TokenIntrospection(
        boolean active,
        String sub,
        String sid,
        List<String> roles,
        Long exp,
        Long iat,
        Long nbf,
        String iss,
        List<String> aud,
        String jti,
        String tokenType,
        String clientId,
        String tenant) {

    static final TokenIntrospection INACTIVE =
            new TokenIntrospection(false, null, null, null, null, null, null, null, null, null, null, null, null);

    private static final String BEARER = "Bearer";

    static TokenIntrospection active(Jwt token, String tenant) {
        return new TokenIntrospection(
                true,
                token.getSubject(),
                token.getClaimAsString(AccessTokenRules.SESSION_ID),
                token.getClaimAsStringList(AccessTokenRules.ROLES),
                epochSeconds(token.getExpiresAt()),
                epochSeconds(token.getIssuedAt()),
                epochSeconds(token.getNotBefore()),
                token.getClaimAsString(JwtClaimNames.ISS),
                token.getAudience(),
                token.getId(),
                BEARER,
                token.getClaimAsString(AccessTokenRules.CLIENT_ID),
                tenant);
    }

    /** RFC 7662 section 2.2: times are NumericDate, seconds since the epoch. */
    private static Long epochSeconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
