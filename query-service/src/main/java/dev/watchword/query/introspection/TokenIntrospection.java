package dev.watchword.query.introspection;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

import java.time.Instant;
import java.util.List;

/**
 * An introspection response (RFC 7662 section 2.2). Absent members are left out, so an inactive token is
 * exactly {@code {"active": false}}: section 2.2 advises against saying more about a token that is not
 * active, since that would tell a caller why.
 *
 * @param roles     the token's {@code roles} claim; Watchword issues roles, not scopes
 * @param tokenType the {@code token_type} of RFC 6749 section 7.1, as section 2.2 defines it; {@code Bearer},
 *                  as the login response says
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record TokenIntrospection(boolean active, String sub, String sid, List<String> roles, Long exp, Long iat,
                          Long nbf, String iss, List<String> aud, String jti, String tokenType) {

    static final TokenIntrospection INACTIVE =
            new TokenIntrospection(false, null, null, null, null, null, null, null, null, null, null);

    private static final String BEARER = "Bearer";

    static TokenIntrospection active(Jwt token) {
        return new TokenIntrospection(true, token.getSubject(), token.getClaimAsString("sid"),
                token.getClaimAsStringList("roles"), epochSeconds(token.getExpiresAt()),
                epochSeconds(token.getIssuedAt()), epochSeconds(token.getNotBefore()),
                token.getClaimAsString(JwtClaimNames.ISS), token.getAudience(), token.getId(), BEARER);
    }

    /** RFC 7662 section 2.2: times are NumericDate, seconds since the epoch. */
    private static Long epochSeconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
