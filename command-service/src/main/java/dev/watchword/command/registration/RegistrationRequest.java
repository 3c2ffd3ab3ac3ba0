package dev.watchword.command.registration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param password 8 to 1024 characters: NIST SP 800-63B-4 asks for at least 64 to be accepted; the upper
 *                 bound only keeps a request from making the hash do megabytes of work
 */
public record RegistrationRequest(@NotBlank @Size(max = 320) String email,
                                  @NotNull @Size(min = 8, max = 1024) String password) {

    @Override
    public String toString() {
        return "RegistrationRequest[email=<redacted>]";
    }
}
