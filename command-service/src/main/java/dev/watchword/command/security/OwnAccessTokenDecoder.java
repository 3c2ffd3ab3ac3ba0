package dev.watchword.command.security;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.watchword.accesstoken.AccessTokenRules;
import dev.watchword.command.issuing.TokenSettings;
import dev.watchword.command.signingkey.SigningKeys;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

/**
 * Verifies this service's own access tokens for its authenticated endpoints, with the keys it holds in memory:
 * no JWKS fetch and no database round trip. The rules are every verifier's ({@link AccessTokenRules}): ES256 only,
 * {@code typ: at+jwt}, signature, {@code iss}, {@code aud}, {@code exp}/{@code nbf}, {@code sub} and {@code sid};
 * the key is the published one its {@code kid} names, never one a header carries. Whether the session is still
 * live is checked by the aggregate each command goes to.
 */
@Component
public class OwnAccessTokenDecoder implements JwtDecoder {

    private final JwtDecoder decoder;

    public OwnAccessTokenDecoder(SigningKeys keys, TokenSettings settings, Clock clock) {
        // No clock skew: the tokens were stamped by this service's own clock.
        this.decoder = AccessTokenRules.decoder(
                publishedKeys(keys),
                new DelegatingOAuth2TokenValidator<>(
                        AccessTokenRules.claims(settings.issuer(), settings.audience()),
                        AccessTokenRules.timestamps(clock, Duration.ZERO)));
    }

    @Override
    public Jwt decode(String token) {
        return decoder.decode(token);
    }

    /**
     * The key a token's {@code kid} names while it is published (next, current or retired); none for a token
     * without a {@code kid}, as this service names the key in every token it signs.
     */
    private static JWKSource<SecurityContext> publishedKeys(SigningKeys keys) {
        return (selector, context) -> {
            Set<String> kids = selector.getMatcher().getKeyIDs();
            if (kids == null) {
                return List.of();
            }
            List<JWK> published = kids.stream()
                    .flatMap(kid -> keys.publicKeyFor(kid).stream()
                            .map(key -> (JWK) new ECKey.Builder(Curve.P_256, (ECPublicKey) key)
                                    .keyID(kid)
                                    .build()))
                    .toList();
            return selector.select(new JWKSet(published));
        };
    }
}
