package dev.watchword.command.session;

import dev.watchword.command.security.RefreshCookie;
import jakarta.validation.constraints.Size;

/**
 * A refresh or logout: the refresh token in the body, or none in cookie mode ({@link RefreshCookie}), where the
 * token is the app's refresh cookie.
 */
public record RefreshRequest(@Size(max = 200) String refresh) {

    @Override
    public String toString() {
        return "RefreshRequest[<redacted>]";
    }
}
