package dev.watchword.notification.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * What the verification email needs to build its link.
 *
 * @param publicUrl  the origin users reach Watchword at, the gateway's. The default is
 *                   {@code http://localhost:8080} ({@code WATCHWORD_PUBLIC_URL}). Configuration only, never a
 *                   request's Host header, which an attacker could point at his own site.
 * @param sealingKey 32 random bytes, base64, that open {@code EmailVerificationRequested.encryptedToken}
 *                   ({@code WATCHWORD_SEALING_KEY}, shared with command-service). No default: a secret comes
 *                   from the environment only.
 */
@Validated
@ConfigurationProperties("watchword.verification")
public record VerificationEmailProperties(
        @DefaultValue("http://localhost:8080") @NotNull URI publicUrl,
        @NotBlank String sealingKey) {

    /** The link's base without a trailing slash, so that {@code /verify-email} is appended once. */
    String baseUrl() {
        String url = publicUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Keeps the key out of logs and actuator output (ASVS 4.0.3 V7.1.1). */
    @Override
    public String toString() {
        return "VerificationEmailProperties[publicUrl=" + publicUrl + ", sealingKey=***]";
    }
}
