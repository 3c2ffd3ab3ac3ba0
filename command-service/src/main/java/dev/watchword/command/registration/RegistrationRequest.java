package dev.watchword.command.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param clientId the app to join ({@code X-Client-Id} works too); none means the default app
 * @param password required when the app allows password login, refused (403) when it does not; checked by
 *                 {@code PasswordPolicy} (8 to 1024 code points after NFC by default), which answers with its own
 *                 codes ({@code PASSWORD_TOO_SHORT}, ...); no bean-validation bound here, which would answer
 *                 {@code VALIDATION_FAILED} before the policy could say why (the 16 KiB body limit caps the work)
 */
public record RegistrationRequest(
        @NotBlank @Size(max = 320) String email,
        String password,
        @JsonProperty("client_id") @Size(max = 100) String clientId) {

    @Override
    public String toString() {
        return "RegistrationRequest[email=<redacted>]";
    }
}
