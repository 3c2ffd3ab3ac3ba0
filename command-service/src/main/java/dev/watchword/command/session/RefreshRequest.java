package dev.watchword.command.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record RefreshRequest(@NotBlank @Size(max = 200) String refresh) {

    @Override
    public String toString() {
        return "RefreshRequest[<redacted>]";
    }
}
