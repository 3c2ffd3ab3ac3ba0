package dev.watchword.command.registration;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * @param clientId the app to join ({@code X-Client-Id} works too); none means the default app
 * @param password required when the app allows password login, refused (403) when it does not; checked by {@code PasswordPolicy} (8 to 1024 code points after NFC by default); the bounds
 *                 here are coarser, in UTF-16 units: 8 is the policy's floor (fewer units are always fewer code
 *                 points), and 4096 leaves room for 1024 code points written with surrogate pairs or combining
 *                 marks while keeping a request from making the policy and the hash work on megabytes
 */
public record RegistrationRequest(@NotBlank @Size(max = 320) String email,
                                  @Size(min = 8, max = 4096) String password,
                                  @JsonProperty("client_id") @Size(max = 100) String clientId) {

    @Override
    public String toString() {
        return "RegistrationRequest[email=<redacted>]";
    }
}
