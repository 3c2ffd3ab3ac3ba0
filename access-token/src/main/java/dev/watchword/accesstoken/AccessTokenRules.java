package dev.watchword.accesstoken;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What a Watchword access token is, written once for the service that issues it and every service that accepts it
 * (docs/contract.md): a JWT in the profile of RFC 9068, signed with ES256, with the claims named here, and the checks
 * it must pass (RFC 9068 section 4, RFC 8725, OWASP ASVS 5.0 chapter V9). command-service issues tokens with these
 * names and checks its own with {@link #decoder}; query-service checks them the same way, with the issuer's published
 * keys.
 */
public final class AccessTokenRules {

    /**
     * The {@code typ} header (RFC 9068 section 2.1); the media-type spelling {@code application/at+jwt} is accepted
     * too. Explicit typing keeps an ID token or any other JWT signed by the same key from passing as an access token
     * (RFC 8725 section 3.11; ASVS 5.0 V9.2.2).
     */
    public static final String TYPE = "at+jwt";

    /** The session the token belongs to; its revocation ends the token (ASVS 5.0 V7.4.1). */
    public static final String SESSION_ID = "sid";
    /** The user's app (its {@code appId}); absent in tokens issued before apps, which belong to the default app. */
    public static final String APP = "tenant";
    /** The app's client id (RFC 9068 section 2.2), also in {@code aud} beside the service audience. */
    public static final String CLIENT_ID = "client_id";

    public static final String ROLES = "roles";
    /** What the user may do, the roles already expanded; what authorization rules check. */
    public static final String PERMISSIONS = "permissions";
    /** The user's authorization version when the token was issued; compared where permissions matter. */
    public static final String AUTHORIZATION_VERSION = "authz_ver";

    /** The clock skew a verifier on another host than the issuer allows on {@code exp} and {@code nbf}: 60 seconds. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private static final DefaultJOSEObjectTypeVerifier<SecurityContext> ACCESS_TOKEN_TYPE =
            new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TYPE), new JOSEObjectType("application/" + TYPE));

    private AccessTokenRules() {}

    /**
     * Verifies the header and signature, then {@code validator}: ES256 only, so HS256 (key confusion with the public
     * key) and {@code none} are refused (RFC 8725 sections 3.1 and 3.2; RFC 9068 section 4; ASVS 5.0 V9.1.1, V9.1.2);
     * {@code typ} {@value #TYPE}; keys only from {@code keys}, never from a {@code jku}, {@code x5u} or {@code jwk}
     * header (RFC 8725 section 3.10; ASVS 5.0 V9.1.3). Every failure is a {@code BadJwtException}.
     */
    public static NimbusJwtDecoder decoder(JWKSource<SecurityContext> keys, OAuth2TokenValidator<Jwt> validator) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWSTypeVerifier(ACCESS_TOKEN_TYPE);
        // The claims are the validator's to check, as for NimbusJwtDecoder's own builders.
        processor.setJWTClaimsSetVerifier((claims, context) -> {});
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(validator);
        return decoder;
    }

    /**
     * What every access token states, true for its whole life: {@code exp} present (RFC 9068 section 2.2), the
     * exact {@code iss} and an {@code aud} that contains {@code audience} (RFC 9068 section 4 steps 3 and 4; RFC 8725
     * sections 3.8 and 3.9; ASVS 5.0 V9.2.3), a user ({@code sub}) and a session ({@link #SESSION_ID}).
     */
    public static OAuth2TokenValidator<Jwt> claims(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtIssuerValidator(issuer),
                new JwtAudienceValidator(audience),
                new JwtClaimValidator<>(JwtClaimNames.SUB, AccessTokenRules::isNonBlankText),
                new JwtClaimValidator<>(SESSION_ID, AccessTokenRules::isNonBlankText));
    }

    /** {@code exp} and {@code nbf} against {@code clock}, allowing {@code clockSkew} (ASVS 5.0 V9.2.1). */
    public static OAuth2TokenValidator<Jwt> timestamps(Clock clock, Duration clockSkew) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        return timestamps;
    }

    /**
     * The token's {@link #AUTHORIZATION_VERSION}: 0 for a token without the claim (issued before it existed), empty
     * for a claim that is not a non-negative integer, which names no version at all.
     */
    public static OptionalLong authorizationVersion(Jwt token) {
        Object claim = token.getClaims().get(AUTHORIZATION_VERSION);
        if (claim == null) {
            return OptionalLong.of(0);
        }
        if (claim instanceof Number number
                && number.doubleValue() == Math.rint(number.doubleValue())
                && number.longValue() >= 0) {
            return OptionalLong.of(number.longValue());
        }
        return OptionalLong.empty();
    }

    private static boolean isNonBlankText(Object claim) {
        return claim instanceof String text && !text.isBlank();
    }
}
