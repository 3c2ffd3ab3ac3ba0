package dev.watchword.command.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.password.PasswordPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param clientId the app to join ({@code X-Client-Id} works too); none means the default app
 * @param password required when the app allows password login, refused (403) when it does not; checked by
 *                 {@code PasswordPolicy} (8 to 1024 code points after NFC by default), which answers with its own
 *                 codes ({@code PASSWORD_TOO_SHORT}, ...). The only bound here is a coarse upper one, in UTF-16
 *                 units: 4096 leaves room for 1024 code points written with surrogate pairs or combining marks
 *                 while keeping a request from making the policy and the hash work on megabytes; a lower bound
 *                 here would answer {@code VALIDATION_FAILED} before the policy could say why
 */
public record RegistrationRequest(@NotBlank @Size(max = 320) String email,
                                  @Size(max = PasswordPolicy.MAX_REQUEST_UNITS) String password,
                                  @JsonProperty("client_id") @Size(max = 100) String clientId) {

    @Override
    public String toString() {
        return "RegistrationRequest[email=<redacted>]";
    }
}
