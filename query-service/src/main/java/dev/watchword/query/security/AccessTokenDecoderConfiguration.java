package dev.watchword.query.security;

import com.nimbusds.jose.jwk.JWKSet;
import dev.watchword.accesstoken.AccessTokenRules;
import dev.watchword.query.authorization.UserNotDisabledValidator;
import dev.watchword.query.revocation.SessionNotRevokedValidator;
import java.time.Clock;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.client.RestOperations;

/**
 * Verification of access tokens by the rules every verifier applies ({@link AccessTokenRules}: RFC 9068 section 4,
 * RFC 8725, OWASP ASVS 5.0 chapter V9), with the keys command-service publishes, plus what only this service
 * knows: revoked sessions and disabled accounts.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoderConfiguration {

    /** RFC 7517 section 8.5.1. */
    private static final MediaType JWK_SET_JSON = MediaType.parseMediaType("application/jwk-set+json");

    @Bean
    JwtDecoder accessTokenDecoder(
            AccessTokenProperties properties,
            SessionNotRevokedValidator notRevoked,
            UserNotDisabledValidator notDisabled,
            RestTemplateBuilder restTemplates) {
        RestOperations http = restTemplates
                .connectTimeout(properties.jwksTimeout())
                .readTimeout(properties.jwksTimeout())
                .build();
        RequestEntity<Void> jwksRequest = RequestEntity.get(properties.jwksUri())
                .accept(MediaType.APPLICATION_JSON, JWK_SET_JSON)
                .build();
        // Keys only from the issuer's pre-configured JWK set URI (RFC 8725 section 3.10; ASVS 5.0 V9.1.3), cached,
        // and downloaded again for an unknown kid at most once per jwksMinRefreshInterval (IssuerKeys).
        IssuerKeys keys = new IssuerKeys(
                () -> JWKSet.parse(http.exchange(jwksRequest, String.class).getBody()),
                properties.jwksMinRefreshInterval(),
                Clock.systemUTC());
        // Header, signature and the claims a token states for its whole life: checked once per token string.
        JwtDecoder verified =
                AccessTokenRules.decoder(keys, AccessTokenRules.claims(properties.issuer(), properties.audience()));
        return new VerifiedAccessTokens(
                verified,
                new DelegatingOAuth2TokenValidator<>(
                        // exp and nbf with clock skew, on every use of the token.
                        AccessTokenRules.timestamps(Clock.systemUTC(), AccessTokenRules.CLOCK_SKEW),
                        notRevoked,
                        // A disabled account's tokens are refused everywhere, not only where permissions matter.
                        notDisabled),
                Clock.systemUTC());
    }
}
