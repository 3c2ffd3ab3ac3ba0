package dev.watchword.command.token;

import dev.watchword.command.user.SessionGrant;
import io.jsonwebtoken.Jwts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Signs access tokens in the RFC 9068 profile: header {@code typ: at+jwt} so that no other kind of JWT can be
 * replayed as one (RFC 8725 section 3.11), {@code kid} of the signing key, ES256; claims iss, aud, sub, exp,
 * iat, jti, sid, roles, permissions and {@code authz_ver} (the user's authorization version, which verifiers
 * compare where permissions matter).
 */
@Component
public class AccessTokenIssuer {

    static final String TYPE = "at+jwt";

    private final SigningKeys keys;
    private final TokenSettings settings;
    private final Clock clock;

    public AccessTokenIssuer(SigningKeys keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    public IssuedTokens issue(SessionGrant grant, OpaqueToken refreshToken) {
        Instant now = clock.instant();
        SigningKeys.SigningKey key = keys.current();
        String access = Jwts.builder()
                .header().keyId(key.kid()).type(TYPE).and()
                .issuer(settings.issuer())
                .audience().add(settings.audience()).and()
                .subject(grant.userId())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(settings.accessTokenDuration())))
                .claim("sid", grant.sessionId())
                .claim("roles", grant.roles())
                .claim("permissions", grant.permissions())
                .claim("authz_ver", grant.authorizationVersion())
                .signWith(key.privateKey(), Jwts.SIG.ES256)
                .compact();
        return new IssuedTokens(access, refreshToken.value(), settings.accessTokenDuration().toSeconds());
    }
}
