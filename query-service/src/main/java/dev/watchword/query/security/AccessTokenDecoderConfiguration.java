package dev.watchword.query.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import dev.watchword.query.authorization.UserNotDisabledValidator;
import dev.watchword.query.revocation.SessionNotRevokedValidator;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.RequestEntity;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestOperations;

import java.time.Clock;
import java.util.Objects;

/**
 * Verification of access tokens, following RFC 9068 section 4 (JWT profile for OAuth 2.0 access tokens),
 * RFC 8725 (JWT best current practices) and OWASP ASVS 5.0 chapter V9 (self-contained tokens).
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoderConfiguration {

    /**
     * RFC 9068 section 2.1 / 4: access tokens are typed {@code at+jwt}; the media-type spelling is allowed too.
     * Explicit typing keeps an ID token or any other JWT signed by the same key from passing as an access
     * token (RFC 8725 section 3.11; ASVS 5.0 V9.2.2).
     */
    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> ACCESS_TOKEN_TYPE =
            new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt"), new JOSEObjectType("application/at+jwt"));

    /** RFC 7517 section 8.5.1. */
    private static final MediaType JWK_SET_JSON = MediaType.parseMediaType("application/jwk-set+json");

    @Bean
    JwtDecoder accessTokenDecoder(AccessTokenProperties properties, SessionNotRevokedValidator notRevoked,
                                  UserNotDisabledValidator notDisabled, RestTemplateBuilder restTemplates) {
        RestOperations http = restTemplates.connectTimeout(properties.jwksTimeout())
                .readTimeout(properties.jwksTimeout()).build();
        RequestEntity<Void> jwksRequest = RequestEntity.get(properties.jwksUri())
                .accept(MediaType.APPLICATION_JSON, JWK_SET_JSON).build();
        // Keys only from the issuer's pre-configured JWK set URI, never from a jku/x5u/jwk header (RFC 8725
        // section 3.10; ASVS 5.0 V9.1.3), cached, and downloaded again for an unknown kid at most once per
        // jwksMinRefreshInterval (IssuerKeys).
        IssuerKeys keys = new IssuerKeys(() -> JWKSet.parse(http.exchange(jwksRequest, String.class).getBody()),
                properties.jwksMinRefreshInterval(), Clock.systemUTC());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // Allowlist of one algorithm, the one command-service signs with: HS256 (key confusion with the public
        // key) and "none" are refused (RFC 8725 sections 3.1 and 3.2; RFC 9068 section 4; ASVS 5.0 V9.1.1, V9.1.2).
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWSTypeVerifier(ACCESS_TOKEN_TYPE);
        // The claims are checked by the validators below, as NimbusJwtDecoder's own builders leave them.
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                // exp must be present (RFC 9068 section 2.2); the timestamps themselves are checked on every use
                // below.
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                // RFC 9068 section 4 steps 3 and 4; RFC 8725 sections 3.8 and 3.9; ASVS 5.0 V9.2.3.
                new JwtIssuerValidator(properties.issuer()),
                new JwtAudienceValidator(properties.audience()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank())));
        return new VerifiedAccessTokens(decoder, new DelegatingOAuth2TokenValidator<>(
                // exp and nbf with 60 s clock skew (ASVS 5.0 V9.2.1), on every use of the token.
                new JwtTimestampValidator(),
                notRevoked,
                // A disabled account's tokens are refused everywhere, not only where permissions matter.
                notDisabled), Clock.systemUTC());
    }
}
