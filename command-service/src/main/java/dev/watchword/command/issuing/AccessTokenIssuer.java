package dev.watchword.command.issuing;

import dev.watchword.accesstoken.AccessTokenRules;
import dev.watchword.command.onetimesecret.OpaqueToken;
import dev.watchword.command.signingkey.SigningKeys;
import dev.watchword.command.user.SessionGrant;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Signs access tokens in the RFC 9068 profile: header {@code typ: at+jwt} so that no other kind of JWT can be
 * replayed as one (RFC 8725 section 3.11), {@code kid} of the signing key, ES256; claims iss, aud, sub, exp,
 * iat, jti, sid, roles, permissions and {@code authz_ver} (the user's authorization version, which verifiers
 * compare where permissions matter). {@code client_id} (RFC 9068 section 2.2) and {@code tenant} name the
 * user's app, and {@code aud} holds the app's client id beside the service audience, so a resource server of app
 * B that checks its own client id in {@code aud} refuses a token of app A (RFC 8725 section 3.9). The lifetime is
 * the app's.
 */
@Component
public class AccessTokenIssuer {

    private final SigningKeys keys;
    private final TokenSettings settings;
    private final Clock clock;

    public AccessTokenIssuer(SigningKeys keys, TokenSettings settings, Clock clock) {
        this.keys = keys;
        this.settings = settings;
        this.clock = clock;
    }

    public IssuedTokens issue(SessionGrant grant, OpaqueToken refreshToken) {
        // The session recorded when its tokens expire; the token is issued at the instant that expiry was
        // counted from, so exp - iat is exactly the lifetime (RFC 7519 4.1.6) however long signing took.
        Instant expiresAt = grant.accessTokenExpiresAt() != null
                ? grant.accessTokenExpiresAt()
                : clock.instant().plus(grant.accessTokenLifetime());
        Instant issuedAt = expiresAt.minus(grant.accessTokenLifetime());
        SigningKeys.SigningKey key = keys.current();
        String access = Jwts.builder()
                .header()
                .keyId(key.kid())
                .type(AccessTokenRules.TYPE)
                .and()
                .issuer(settings.issuer())
                .audience()
                .add(settings.audience())
                .add(grant.clientId())
                .and()
                .subject(grant.userId())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(issuedAt))
                .expiration(Date.from(expiresAt))
                .claim(AccessTokenRules.SESSION_ID, grant.sessionId())
                .claim(AccessTokenRules.CLIENT_ID, grant.clientId())
                .claim(AccessTokenRules.APP, grant.appId())
                .claim(AccessTokenRules.ROLES, grant.roles())
                .claim(AccessTokenRules.PERMISSIONS, grant.permissions())
                .claim(AccessTokenRules.AUTHORIZATION_VERSION, grant.authorizationVersion())
                .signWith(key.privateKey(), Jwts.SIG.ES256)
                .compact();
        return new IssuedTokens(
                access, refreshToken.value(), grant.accessTokenLifetime().toSeconds(), grant.clientId());
    }
}
