package dev.watchword.query.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How access tokens issued by command-service are verified.
 *
 * @param jwksUri     the issuer's JWK set ({@code WATCHWORD_JWKS_URI}). The default is
 *                    {@code http://localhost:8081/.well-known/jwks.json}.
 * @param issuer      the exact {@code iss} every token must carry ({@code WATCHWORD_ISSUER}). The default is
 *                    {@code http://localhost:8080}.
 * @param audience    a value the {@code aud} claim must contain ({@code WATCHWORD_AUDIENCE}). The default is
 *                    {@code watchword}.
 * @param jwksTimeout connect and read timeout of one JWK set download. The default is 5 seconds.
 * @param jwksMinRefreshInterval the least time between two downloads of the JWK set made because a token named a
 *                    key id the held set lacks, or because the last download failed
 *                    ({@code WATCHWORD_JWKS_MIN_REFRESH_INTERVAL}); a burst of tokens with made-up key ids costs
 *                    the issuer one download at most. The set is downloaded anyway every 5 minutes. The default is
 *                    30 seconds.
 */
@Validated
@ConfigurationProperties("watchword.token")
public record AccessTokenProperties(
        @NotNull @DefaultValue("http://localhost:8081/.well-known/jwks.json")
        URI jwksUri,

        @NotBlank @DefaultValue("http://localhost:8080") String issuer,
        @NotBlank @DefaultValue("watchword") String audience,
        @NotNull @DefaultValue("5s") Duration jwksTimeout,
        @NotNull @DefaultValue("30s") Duration jwksMinRefreshInterval) {}
