package dev.watchword.notification.token;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the emails that carry a one-time secret (a link token, a sign-in code) need. Same keys as
 * command-service's, which seals the secrets and serves the pages.
 *
 * @param publicUrl  the origin users reach Watchword at, the gateway's; every link in an email of the default app
 *                   starts with it (a client app's emails use the app's {@code linkBaseUrl}). The default is
 *                   {@code http://localhost:8080} ({@code WATCHWORD_PUBLIC_URL}). Configuration only, never a
 *                   request's Host header, which an attacker could point at his own site.
 * @param sealingKey 32 random bytes, base64, that open the {@code encryptedToken} and {@code encryptedCode}
 *                   fields of events ({@code WATCHWORD_SEALING_KEY}, shared with command-service). No default:
 *                   a secret comes from the environment only.
 */
@Validated
@ConfigurationProperties("watchword")
public record OneTimeSecretProperties(
        @DefaultValue("http://localhost:8080") @NotNull URI publicUrl,
        @NotBlank String sealingKey) {

    /** Keeps the key out of logs and actuator output (ASVS 4.0.3 V7.1.1). */
    @Override
    public String toString() {
        return "OneTimeSecretProperties[publicUrl=" + publicUrl + ", sealingKey=***]";
    }
}
