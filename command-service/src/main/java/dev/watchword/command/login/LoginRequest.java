package dev.watchword.command.login;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.watchword.command.password.PasswordPolicy;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** @param clientId the user's app ({@code X-Client-Id} works too); none means the default app */
public record LoginRequest(
        @NotBlank @Size(max = 320) String email,

        @NotNull @Size(max = PasswordPolicy.MAX_REQUEST_UNITS)
        String password,

        @JsonProperty("client_id") @Size(max = 100) String clientId) {

    @Override
    public String toString() {
        return "LoginRequest[<redacted>]";
    }
}
